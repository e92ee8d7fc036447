package dev.quiver.local.security;

import dev.quiver.local.config.Binds;
import java.util.Optional;

/** What a non-loopback {@code quiver.platform.bind} makes reachable from other machines. */
public final class Exposure {
    private Exposure() {}

    /** The warning to print at start, or empty on loopback. */
    public static Optional<String> warning(String bind) {
        if (Binds.loopback(bind)) {
            return Optional.empty();
        }
        return Optional.of("quiver.platform.bind=" + bind + " is not loopback: reachable from other machines are the "
                + "control API (with its token: it deploys programs that run on this machine), the activator (every "
                + "function, without a token), the broker's ingress (anyone can publish events) and its admin API "
                + "(with the token), the S3 object store (with its credentials) and the webhooks (with their "
                + "token), and Kafka (without authentication). Use a firewall or a trusted network.");
    }
}
