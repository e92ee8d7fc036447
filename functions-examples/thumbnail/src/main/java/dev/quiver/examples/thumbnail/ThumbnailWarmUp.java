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
 * and writing PNG and JPEG, scaling) on a generated image, and the S3 client against the real store (a list and a
 * read of a missing key). Without this the first event paid for all of it (about 4 s on a 2-core machine).
 */
@Singleton
public class ThumbnailWarmUp implements WarmUpHook {
    private static final Logger LOG = Logger.getLogger(ThumbnailWarmUp.class);
    static final int RENDERS = 60;

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "thumbnail.max-size")
    int maxSize;

    @Override
    public void warmUp() {
        byte[][] samples = {sample("png"), sample("jpeg")};
        for (int i = 0; i < RENDERS; i++) {
            if (Thumbnails.render(samples[i % samples.length], maxSize).isEmpty()) {
                throw new IllegalStateException("ImageIO could not read its own sample image");
            }
        }
        LOG.infof("Object store warmed: %s", store.touch());
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
