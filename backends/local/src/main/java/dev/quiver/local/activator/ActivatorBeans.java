package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
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
 * function's ready instances and hard limit there), pokes to the loop through a {@link Poker} ({@link LoopPoker}),
 * held requests reported through the activator itself ({@code QueuedRequests}), which the loop counts as
 * concurrency.
 */
@ApplicationScoped
public class ActivatorBeans {

    /** The shared settings from {@code quiver.platform.activator.*} (validated by {@code PlatformSettings}). */
    public static ActivatorSettings settings(PlatformSettings.ActivatorSettings a) {
        ActivatorSettings d = ActivatorSettings.DEFAULTS;
        return new ActivatorSettings(
                a.queueSize(),
                a.timeout(),
                a.maxBodySize(),
                a.retryAfterSeconds(),
                d.pokeInterval(),
                d.maxAttempts(),
                a.maxQueuedBytes());
    }

    /** The activator as the local platform wires it. */
    public static dev.quiver.control.activator.Activator wire(
            ActivatorSettings settings,
            String domain,
            PublishedEndpoints endpoints,
            Poker poker,
            MeterRegistry registry,
            ColdStartRecorder coldStarts) {
        return new dev.quiver.control.activator.Activator(
                settings, new LocalRouter(domain), endpoints, poker, registry, coldStarts);
    }

    @Produces
    @Singleton
    PublishedEndpoints endpoints() {
        return new PublishedEndpoints();
    }

    @Produces
    @Singleton
    LoopPoker poker() {
        return new LoopPoker();
    }

    @Produces
    @Singleton
    ColdStartRecorder coldStarts(MeterRegistry meters) {
        return new ColdStartRecorder(new ColdStartMeters(meters));
    }

    @Produces
    @Singleton
    dev.quiver.control.activator.Activator activator(
            PlatformSettings s,
            PublishedEndpoints endpoints,
            LoopPoker poker,
            MeterRegistry registry,
            ColdStartRecorder coldStarts) {
        return wire(settings(s.activator()), s.activator().domain(), endpoints, poker, registry, coldStarts);
    }
}
