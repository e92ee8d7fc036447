package dev.quiver.local.control;

import dev.quiver.api.control.DeployRejection;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.api.control.FunctionSummary;
import dev.quiver.api.control.PlatformInfo;
import dev.quiver.api.errors.ErrorBody;
import dev.quiver.local.activator.Activator;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.direct.DirectAddresses;
import dev.quiver.local.eventing.EventingDocument;
import dev.quiver.local.eventing.EventingKind;
import dev.quiver.local.eventing.EventingObjects;
import dev.quiver.local.loop.ControlLoop;
import dev.quiver.local.loop.StatusView;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.registry.InvalidFunctionException;
import dev.quiver.local.registry.SpecStore;
import dev.quiver.local.report.ReportPage;
import dev.quiver.local.report.WindowSummary;
import dev.quiver.local.security.Redaction;
import dev.quiver.local.trigger.BrokerTriggers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;

/**
 * The control API: deploy, update, list, inspect and delete functions; deploy also takes eventing documents (Knative
 * Broker, Trigger, PingSource, KafkaSource, KafkaSink; Quiver's Trigger), dispatched on {@code apiVersion}/{@code kind}
 * to {@link EventingObjects}; {@code GET /v1/eventing} lists them, {@code DELETE /v1/eventing/{kind}/{name}} deletes.
 */
@Path("/v1")
public class FunctionsResource {
    private final ControlLoop loop;
    private final FunctionRegistry registry;
    private final PlatformSettings settings;
    private final Activator activator;
    private final BrokerTriggers triggers;
    private final SpecStore specs;
    private final EventingObjects eventing;
    private final DirectAddresses direct;

    public FunctionsResource(
            ControlLoop loop,
            FunctionRegistry registry,
            PlatformSettings settings,
            Activator activator,
            BrokerTriggers triggers,
            SpecStore specs,
            EventingObjects eventing,
            DirectAddresses direct) {
        this.direct = direct;
        this.eventing = eventing;
        this.triggers = triggers;
        this.specs = specs;
        this.loop = loop;
        this.registry = registry;
        this.settings = settings;
        this.activator = activator;
    }

    @GET
    @Path("/info")
    @Produces(MediaType.APPLICATION_JSON)
    public PlatformInfo info() {
        return new PlatformInfo(
                activator.port(),
                settings.activator().domain(),
                settings.dataDir().toString(),
                settings.home().toString());
    }

    @GET
    @Path("/functions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<FunctionStatus> list() {
        return loop.status().stream()
                .map(v -> withTrigger(v.status()))
                .sorted(Comparator.comparing(FunctionStatus::name))
                .toList();
    }

    @GET
    @Path("/functions")
    @Produces(MediaType.TEXT_PLAIN)
    public String table() {
        return StatusTable.render(list());
    }

    @GET
    @Path("/functions/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("name") String name) {
        return loop.status(name)
                .<Response>map(v -> Response.ok(withTrigger(v.status())).build())
                .orElseGet(() -> notFound(name));
    }

    private FunctionStatus withTrigger(FunctionStatus s) {
        FunctionStatus t = triggers.status(s.name()).map(s::withTrigger).orElse(s);
        return t.withDirect(direct.address(s.name()).orElse(null));
    }

    @GET
    @Path("/functions/{name}/spec")
    @Produces("application/yaml")
    public Response spec(@PathParam("name") String name) {
        return registry.get(name)
                .<Response>map(f -> Response.ok(Redaction.spec(f.source())).build())
                .orElseGet(() -> notFound(name));
    }

    @GET
    @Path("/functions/{name}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@PathParam("name") String name) {
        return loop.status(name)
                .<Response>map(v -> Response.ok(v.history()).build())
                .orElseGet(() -> notFound(name));
    }

    @GET
    @Path("/functions/{name}/summary")
    @Produces(MediaType.TEXT_PLAIN)
    public Response summary(@PathParam("name") String name, @QueryParam("since") @DefaultValue("0") long since) {
        return loop.status(name)
                .<Response>map(
                        v -> Response.ok(WindowSummary.of(v.history(), since).toText())
                                .build())
                .orElseGet(() -> notFound(name));
    }

    @GET
    @Path("/functions/{name}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Response summaryJson(@PathParam("name") String name, @QueryParam("since") @DefaultValue("0") long since) {
        return loop.status(name)
                .<Response>map(v -> Response.ok(summary(WindowSummary.of(v.history(), since)))
                        .build())
                .orElseGet(() -> notFound(name));
    }

    static FunctionSummary summary(WindowSummary w) {
        return new FunctionSummary(
                w.samples(),
                w.maxReady(),
                w.maxDesired(),
                w.lastReady(),
                w.lastWarm(),
                w.lastDesired(),
                w.panicked(),
                w.maxConcurrency(),
                w.maxLag(),
                w.lastLag());
    }

    @GET
    @Path("/report")
    @Produces(MediaType.TEXT_HTML)
    public String report() {
        return ReportPage.html(
                loop.status().stream()
                        .sorted(Comparator.comparing(StatusView::name))
                        .toList(),
                java.time.Instant.now());
    }

    @GET
    @Path("/functions/{name}/logs")
    @Produces(MediaType.TEXT_PLAIN)
    public Response logs(@PathParam("name") String name, @QueryParam("lines") @DefaultValue("50") int lines) {
        if (registry.get(name).isEmpty()) {
            return notFound(name);
        }
        return Response.ok(Logs.tail(settings.dataDir().resolve("logs").resolve(loop.logName(name)), lines))
                .build();
    }

    @POST
    @Path("/functions")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deploy(String document) throws InterruptedException {
        String[] type =
                EventingDocument.typeOf(document == null ? "" : document).orElse(null);
        if (type != null && EventingKind.isEventingGroup(type[0])) {
            return deployEventing(document);
        }
        return deploy(null, document);
    }

    /** A Knative (or Quiver) eventing document: applied to the broker, stored; see {@link EventingObjects}. */
    private Response deployEventing(String document) throws InterruptedException {
        EventingObjects.Deployed d = eventing.deploy(document);
        if (d.rejected() != null) {
            return Response.status(400)
                    .entity(DeployRejection.of(List.of(d.rejected())))
                    .build();
        }
        return Response.status(d.created() ? 201 : 200).entity(d.status()).build();
    }

    @GET
    @Path("/eventing")
    @Produces(MediaType.APPLICATION_JSON)
    public List<EventingObjects.ObjectStatus> eventingObjects() {
        return eventing.list();
    }

    @DELETE
    @Path("/eventing/{kind}/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteEventing(@PathParam("kind") String kind, @PathParam("name") String name)
            throws InterruptedException {
        String plural = EventingKind.plural(kind).orElse(null);
        if (plural == null || !eventing.delete(plural, name)) {
            return Response.status(404)
                    .entity(new ErrorBody(404, "not_found", "No " + kind + " '" + name + "' is deployed.", name))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/functions/{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("name") String name, String document) {
        return deploy(name, document);
    }

    private Response deploy(String expectedName, String document) {
        FunctionDefinition f;
        try {
            f = registry.reader().read(document == null ? "" : document);
        } catch (InvalidFunctionException e) {
            return Response.status(400).entity(DeployRejection.of(e.problems())).build();
        }
        if (expectedName != null && !expectedName.equals(f.name())) {
            return Response.status(400)
                    .entity(DeployRejection.of(List.of(
                            "name: must equal the name in the path (" + expectedName + "), was \"" + f.name() + "\"")))
                    .build();
        }
        List<String> trafficProblems = loop.check(f);
        if (!trafficProblems.isEmpty()) {
            return Response.status(400)
                    .entity(DeployRejection.of(trafficProblems))
                    .build();
        }
        specs.save(f.name(), f.source());
        boolean created = loop.deploy(f);
        triggers.apply(f, activator.port());
        return Response.status(created ? 201 : 200)
                .entity(withTrigger(loop.status(f.name()).orElseThrow().status()))
                .build();
    }

    @DELETE
    @Path("/functions/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("name") String name) throws InterruptedException {
        int colon = name.indexOf(':');
        if (colon > 0) { // <kind>:<name>, what `quiver delete <kind>/<name>` sends
            return deleteEventing(name.substring(0, colon), name.substring(colon + 1));
        }
        if (!loop.delete(name)) {
            return notFound(name);
        }
        specs.remove(name);
        triggers.remove(name);
        return Response.noContent().build();
    }

    private static Response notFound(String name) {
        return Response.status(404)
                .entity(new ErrorBody(404, "not_found", "No function '" + name + "' is deployed.", name))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
