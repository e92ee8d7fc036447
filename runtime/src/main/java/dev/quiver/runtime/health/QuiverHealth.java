package dev.quiver.runtime.health;

import dev.quiver.runtime.http.InstanceTraffic;
import dev.quiver.runtime.lifecycle.InstanceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is up only when the instance takes traffic (warmed up, not draining); liveness while it runs. */
public final class QuiverHealth {

    private QuiverHealth() {}

    static HealthCheckResponse response(boolean up, InstanceState state, InstanceTraffic traffic) {
        return HealthCheckResponse.named("quiver")
                .status(up)
                .withData("phase", state.phase().name())
                .withData("inFlight", traffic.inFlight())
                .withData("queued", traffic.queued())
                .build();
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        InstanceState state;

        @Inject
        InstanceTraffic traffic;

        @Override
        public HealthCheckResponse call() {
            return response(state.isReady(), state, traffic);
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        InstanceState state;

        @Inject
        InstanceTraffic traffic;

        @Override
        public HealthCheckResponse call() {
            return response(true, state, traffic);
        }
    }
}
