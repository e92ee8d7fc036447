package dev.quiver.broker.config;

import dev.quiver.broker.security.BrokerSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates the configuration once; a bad setting stops startup with the key, rule and value. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    BrokerSettings settings(BrokerConfig config) {
        return BrokerSettings.from(config);
    }

    @Produces
    @Singleton
    BrokerSecurity security(BrokerConfig config, @ConfigProperty(name = "quarkus.http.host") String host) {
        return BrokerSecurity.from(host, config.admin(), config.ingress());
    }
}
