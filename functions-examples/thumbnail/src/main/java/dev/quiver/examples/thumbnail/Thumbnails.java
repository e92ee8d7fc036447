package dev.quiver.examples.thumbnail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Which objects get a thumbnail, where it goes, and how it is drawn (ImageIO, headless). */
public final class Thumbnails {

    public static final String SOURCE_PREFIX = "images/";
    public static final String TARGET_PREFIX = "thumbnails/";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Thumbnails() {}

    /** The decoded object key of an S3 notification ({@code +} is a space, {@code %xx} escapes). */
    public static String decodeKey(String key) {
        return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }

    /** {@code images/a/cat.jpg} -> {@code thumbnails/a/cat.png}; empty for keys outside images/. */
    public static Optional<String> thumbnailKey(String key) {
        if (!key.startsWith(SOURCE_PREFIX) || key.length() == SOURCE_PREFIX.length() || key.endsWith("/")) {
            return Optional.empty();
        }
        String rest = key.substring(SOURCE_PREFIX.length());
        int slash = rest.lastIndexOf('/');
        int dot = rest.lastIndexOf('.');
        String base = dot > slash + 1 ? rest.substring(0, dot) : rest;
        return Optional.of(TARGET_PREFIX + base + ".png");
    }

    /** Width and height fitting in max x max, aspect ratio kept, never larger than the original, at least 1. */
    public static int[] fit(int width, int height, int max) {
        double scale = Math.min(1.0, Math.min((double) max / width, (double) max / height));
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /** The image as a PNG thumbnail, or empty when the bytes are no image ImageIO can read. */
    public static Optional<Rendered> render(byte[] image, int max) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (source == null) {
            return Optional.empty();
        }
        int[] size = fit(source.getWidth(), source.getHeight(), max);
        BufferedImage target = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, size[0], size[1], null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(target, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Rendered(out.toByteArray(), size[0], size[1], source.getWidth(), source.getHeight()));
    }

    /** A drawn thumbnail. */
    public record Rendered(byte[] png, int width, int height, int sourceWidth, int sourceHeight) {}
}
