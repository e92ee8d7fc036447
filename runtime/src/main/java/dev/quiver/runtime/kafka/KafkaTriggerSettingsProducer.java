package dev.quiver.runtime.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates {@code quiver.kafka.*} once at start-up. */
public class KafkaTriggerSettingsProducer {

    @Produces
    @Singleton
    KafkaTriggerSettings settings(
            KafkaTriggerConfig config,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "quiver-function") String app) {
        return KafkaTriggerSettings.from(config, app);
    }
}
