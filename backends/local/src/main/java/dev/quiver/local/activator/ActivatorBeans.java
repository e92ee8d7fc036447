package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.LocalRouter;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.config.PlatformSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The local wiring of the shared activator: routing from {@link PublishedEndpoints} (the loop publishes each
 * function's ready instances and hard limit there), pokes to the loop through a {@link Poker} ({@link Gates} for
 * the current loop), held requests reported through the activator itself ({@code QueuedRequests}).
 */
@ApplicationScoped
public class ActivatorBeans {

    /** The shared settings from {@code quiver.platform.activator.*} (validated by {@code PlatformSettings}). */
    public static ActivatorSettings settings(PlatformSettings.ActivatorSettings a) {
        ActivatorSettings d = ActivatorSettings.DEFAULTS;
        return new ActivatorSettings(a.queueSize(), a.timeout(), a.maxBodySize(), a.retryAfterSeconds(),
                d.pokeInterval(), d.maxAttempts());
    }

    /** The activator as the local platform wires it. */
    public static dev.quiver.control.activator.Activator wire(ActivatorSettings settings, String domain,
            PublishedEndpoints endpoints, Gates gates, MeterRegistry registry, ColdStartRecorder coldStarts) {
        dev.quiver.control.activator.Activator a = new dev.quiver.control.activator.Activator(settings,
                new LocalRouter(domain), endpoints, gates, registry, coldStarts);
        gates.bind(a);
        return a;
    }

    @Produces
    @Singleton
    PublishedEndpoints endpoints() {
        return new PublishedEndpoints();
    }

    @Produces
    @Singleton
    Gates gates(PublishedEndpoints endpoints) {
        return new Gates(endpoints);
    }

    @Produces
    @Singleton
    dev.quiver.control.activator.Activator activator(PlatformSettings s, PublishedEndpoints endpoints, Gates gates,
            MeterRegistry registry, ColdStartRecorder coldStarts) {
        return wire(settings(s.activator()), s.activator().domain(), endpoints, gates, registry, coldStarts);
    }
}
