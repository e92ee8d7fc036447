package dev.quiver.local.control;

import dev.quiver.api.control.ComponentStatus;
import dev.quiver.local.supervise.SupervisorLifecycle;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/platform/components}: the processes the platform supervises (Kafka, broker, sources). */
@Path("/v1/platform")
public class ComponentsResource {
    private final SupervisorLifecycle supervisor;

    public ComponentsResource(SupervisorLifecycle supervisor) {
        this.supervisor = supervisor;
    }

    @GET
    @Path("/components")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ComponentStatus> components() {
        return supervisor.status();
    }
}
