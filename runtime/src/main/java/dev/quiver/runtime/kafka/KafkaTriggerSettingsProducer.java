package dev.quiver.runtime.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Validates {@code quiver.kafka.*} once at start-up. */
public class KafkaTriggerSettingsProducer {

    @Produces
    @Singleton
    KafkaTriggerSettings settings(KafkaTriggerConfig config) {
        String app = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .orElse("quiver-function");
        return KafkaTriggerSettings.from(config, app);
    }
}
