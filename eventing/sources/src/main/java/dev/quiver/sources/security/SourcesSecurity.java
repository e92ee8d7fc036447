package dev.quiver.sources.security;

import java.util.List;

/** The sources' resolved secrets and the warnings to log at start. */
public record SourcesSecurity(S3Credentials s3, WebhookToken webhook, String cosHeader, List<String> warnings) {

    public SourcesSecurity {
        warnings = List.copyOf(warnings);
    }
}
