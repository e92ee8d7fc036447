package dev.quiver.runtime.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Validates the {@code quiver.*} configuration once; a broken value stops start-up with the key in the message. */
public class SettingsProducer {

    @Produces
    @Singleton
    RuntimeSettings settings(QuiverConfig config) {
        return RuntimeSettings.from(config);
    }
}
