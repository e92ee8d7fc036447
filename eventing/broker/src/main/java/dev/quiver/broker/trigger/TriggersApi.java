package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin API: {@code GET|POST /admin/v1/triggers}, {@code GET|DELETE /admin/v1/triggers/{name}}. POST takes
 * a Trigger resource as JSON or YAML and answers 201 once the trigger's consumer owns its partitions (or after
 * {@code quiver.broker.dispatcher.ready-timeout}, with {@code status.ready=false}). Answers are the shared contract
 * record {@link TriggerDocument} (api), which {@code BrokerAdminClient} reads.
 */
@Path("/admin/v1/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TriggersApi {

    private final Triggers triggers;
    private final BrokerSettings settings;

    public TriggersApi(Triggers triggers, BrokerSettings settings) {
        this.triggers = triggers;
        this.settings = settings;
    }

    @GET
    public List<TriggerDocument> list() {
        return triggers.list().stream().map(TriggerResource::toDocument).toList();
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return triggers.get(name).map(t -> Response.ok(t.toDocument()).build())
                .orElseGet(() -> error(404, "trigger '" + name + "' not found"));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public Response create(String body) {
        TriggerResource resource;
        java.util.concurrent.CompletableFuture<Void> ready;
        try {
            resource = TriggerYaml.readOne(body);
            ready = triggers.create(resource);
        } catch (InvalidTriggerException e) {
            return error(400, e.getMessage());
        } catch (TriggerConflictException e) {
            return error(409, e.getMessage());
        }
        try {
            ready.get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notYet) {
            // answered with status.ready=false
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name = resource.metadata().name();
        return Response.created(URI.create("/admin/v1/triggers/" + name)).entity(triggers.get(name).orElseThrow().toDocument())
                .build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        return triggers.delete(name) ? Response.noContent().build()
                : error(404, "trigger '" + name + "' not found");
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "error", message)).build();
    }
}
