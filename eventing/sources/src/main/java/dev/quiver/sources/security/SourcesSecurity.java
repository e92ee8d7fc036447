package dev.quiver.sources.security;

import java.util.List;
import java.util.Optional;

/**
 * The sources' resolved secrets and the warnings to log at start.
 *
 * @param brokerToken sent to the broker ingress when it requires one ({@code quiver.broker.ingress.tokens})
 */
public record SourcesSecurity(
        S3Credentials s3, WebhookToken webhook, String cosHeader, Optional<String> brokerToken, List<String> warnings) {

    public SourcesSecurity {
        warnings = List.copyOf(warnings);
    }
}
