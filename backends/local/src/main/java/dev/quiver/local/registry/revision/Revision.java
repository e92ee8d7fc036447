package dev.quiver.local.registry.revision;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable revision of a function: its code (by content) and configuration at one deploy, with its own copy of
 * the code. Stored as {@code <data>/revisions/<name>/revision.json} beside that copy.
 *
 * @param name     {@code <function>-0000N}
 * @param function the function's name
 * @param number   N
 * @param created  when the deploy made it
 * @param digest   the code's {@link ContentDigest}
 * @param config   a digest of the configuration that needs new processes ({@link RevisionKey})
 * @param artifact the copy's runner jar or binary, relative to the revision's directory
 * @param spec     the spec text deployed (its configuration is the revision's)
 */
public record Revision(
        String name,
        String function,
        int number,
        Instant created,
        String digest,
        String config,
        String artifact,
        String spec) {
    public Revision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    public static String name(String function, int number) {
        return String.format("%s-%05d", function, number);
    }

    /** Whether a deploy of this code and configuration needs no new revision. */
    public boolean same(String otherDigest, String otherConfig) {
        return digest.equals(otherDigest) && config.equals(otherConfig);
    }

    /** The digest's first 12 hex digits, for tables. */
    public String shortDigest() {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
