package dev.quiver.image;

import java.util.Locale;

/**
 * The image's base: {@code jlink} (from scratch: a jlink runtime of the build JDK plus the shared libraries it needs
 * from the build machine) or an image Jib reads itself ({@code registry://<ref>}, {@code tar://<docker-save tar>}).
 */
public record Base(Kind kind, String reference) {

    public enum Kind {
        JLINK,
        REGISTRY,
        TAR
    }

    public static final String USAGE = "jlink, registry://<image reference> or tar://<path of an image tar>";

    public static Base parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.toLowerCase(Locale.ROOT).equals("jlink")) {
            return new Base(Kind.JLINK, null);
        }
        if (value.startsWith("registry://") && value.length() > "registry://".length()) {
            return new Base(Kind.REGISTRY, value);
        }
        if (value.startsWith("tar://") && value.length() > "tar://".length()) {
            return new Base(Kind.TAR, value);
        }
        if (value.startsWith("docker://")) {
            throw new IllegalArgumentException("--base " + value + ": a Docker daemon base is not supported (this tool "
                    + "builds without a daemon); use " + USAGE);
        }
        throw new IllegalArgumentException("--base '" + text + "' is not one of " + USAGE);
    }

    public boolean fromScratch() {
        return kind == Kind.JLINK;
    }
}
