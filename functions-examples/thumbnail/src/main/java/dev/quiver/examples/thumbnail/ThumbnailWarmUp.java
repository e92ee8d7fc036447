package dev.quiver.examples.thumbnail;

import dev.quiver.runtime.warmup.WarmUpHook;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warms what a thumbnail request really uses before a (warm-pool) instance reports ready: ImageIO and Java2D (reading
 * and writing PNG and JPEG, scaling) on a generated image, and the S3 client against the real store: a list, a read
 * of a missing key and a put of a rendered thumbnail to a bucket that does not exist ({@code thumbnail.warm-up.bucket}),
 * which the store answers {@code NoSuchBucket} without storing anything. Without this the first event paid for all of
 * it (about 4 s on a 2-core machine; without the put, its first request still took ~3x a warm one).
 */
@Singleton
public class ThumbnailWarmUp implements WarmUpHook {
    private static final Logger LOG = Logger.getLogger(ThumbnailWarmUp.class);
    static final int RENDERS = 60;

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "thumbnail.max-size")
    int maxSize;

    /** A bucket name that no bucket of the store has: the put probe's target. */
    @ConfigProperty(name = "thumbnail.warm-up.bucket")
    String absentBucket;

    @Override
    public void warmUp() {
        LOG.infof("Object store warmed: %s", warm());
    }

    /** The warm-up itself; returns what the store was asked and answered. */
    String warm() {
        byte[][] samples = {sample("png"), sample("jpeg")};
        Thumbnails.Rendered rendered = null;
        for (int i = 0; i < RENDERS; i++) {
            rendered = Thumbnails.render(samples[i % samples.length], maxSize)
                    .orElseThrow(() -> new IllegalStateException("ImageIO could not read its own sample image"));
        }
        return store.touch(absentBucket, rendered.png());
    }

    /** A small picture in the given format (a gradient, so the encoder has work to do). */
    static byte[] sample(String format) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int x = 0; x < image.getWidth(); x += 8) {
                g.setColor(new Color(x % 256, (x * 3) % 256, 128));
                g.fillRect(x, 0, 8, image.getHeight());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
