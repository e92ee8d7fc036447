package dev.quiver.broker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Validates the configuration once; a bad setting stops startup with the key, rule and value. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    BrokerSettings settings(BrokerConfig config) {
        return BrokerSettings.from(config);
    }
}
