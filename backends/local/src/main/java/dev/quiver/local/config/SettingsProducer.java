package dev.quiver.local.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Validates the configuration once; a wrong value stops start-up with the key named. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @jakarta.inject.Singleton
    PlatformSettings settings(PlatformConfig config) {
        return PlatformSettings.from(config);
    }

    @Produces
    @jakarta.inject.Singleton
    SuperviseSettings supervise(PlatformConfig config, PlatformSettings settings) {
        return SuperviseSettings.from(config.supervise(), settings.home());
    }

    @Produces
    @jakarta.inject.Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
