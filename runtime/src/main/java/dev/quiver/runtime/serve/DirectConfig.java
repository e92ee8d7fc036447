package dev.quiver.runtime.serve;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The direct address's setting ({@code quiver.direct.*}), given by the platform at launch as an environment variable. */
@ConfigMapping(prefix = "quiver.direct")
public interface DirectConfig {
    /**
     * The bearer token the direct routes accept ({@code QUIVER_DIRECT_TOKEN}); none: the instance never serves a
     * direct address and the routes do not exist.
     */
    Optional<String> token();
}
