package dev.quiver.local.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Validates the configuration once; a wrong value stops start-up with the key named. */
@ApplicationScoped
public class SettingsProducer {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SettingsProducer.class);

    @Produces
    @jakarta.inject.Singleton
    PlatformSettings settings(PlatformConfig config) {
        PlatformSettings s = PlatformSettings.from(config);
        dev.quiver.local.security.Exposure.warning(s.security().bind()).ifPresent(LOG::warn);
        return s;
    }

    /** The control API's token: read from its file, or generated into it at first start. */
    @Produces
    @jakarta.inject.Singleton
    dev.quiver.local.security.ControlToken controlToken(PlatformSettings settings) {
        return dev.quiver.local.security.ControlToken.resolve(settings.security());
    }

    @Produces
    @jakarta.inject.Singleton
    SuperviseSettings supervise(PlatformConfig config, PlatformSettings settings) {
        return SuperviseSettings.from(
                config.supervise(), settings.home(), settings.security().bind());
    }

    @Produces
    @jakarta.inject.Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
