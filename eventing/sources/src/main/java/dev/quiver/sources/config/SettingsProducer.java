package dev.quiver.sources.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Validates the {@code quiver.sources.*} configuration once; a broken value stops start-up naming the key. */
public class SettingsProducer {

    @Produces
    @Singleton
    SourcesSettings settings(SourcesConfig config) {
        return SourcesSettings.from(config);
    }
}
