package dev.quiver.kubernetes.activator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code GET /quiver/activator/metrics} on the management port: the activator's counters as Prometheus text. */
@Path("/quiver/activator/metrics")
public class ActivatorMetricsResource {
    private final ActivatorStartup activator;

    public ActivatorMetricsResource(ActivatorStartup activator) {
        this.activator = activator;
    }

    @GET
    @Produces("text/plain; version=0.0.4")
    public Response metrics() {
        return activator.stats().map(s -> Response.ok(s.prometheus()).build())
                .orElseGet(() -> Response.status(404).entity("not running as activator\n").build());
    }
}
