package dev.quiver.local.registry.revision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code quiver.revisions.*}: how many revisions of each function the platform keeps. */
@ConfigMapping(prefix = "quiver.revisions")
public interface RevisionsConfig {
    int DEFAULT_KEEP = 5;

    /** Revisions kept per function, newest first; one with traffic or a tag is never collected. At least 1. */
    @WithDefault("5")
    int keep();

    /** The validated value: an error names the key and the bad value. */
    static int keep(RevisionsConfig c) {
        if (c.keep() < 1) {
            throw new IllegalArgumentException("quiver.revisions.keep: must be at least 1, was " + c.keep());
        }
        return c.keep();
    }
}
