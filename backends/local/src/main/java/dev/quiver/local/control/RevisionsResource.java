package dev.quiver.local.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.quiver.api.control.DeployRejection;
import dev.quiver.api.control.FunctionRevisions;
import dev.quiver.api.control.RevisionStatus;
import dev.quiver.api.control.TrafficRequest;
import dev.quiver.api.errors.ErrorBody;
import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.local.loop.ControlLoop;
import dev.quiver.local.loop.Revisions;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.registry.SpecStore;
import dev.quiver.local.registry.revision.Revision;
import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control API of revisions and traffic (authenticated as the rest of {@code /v1}): list a function's revisions,
 * set its traffic at once. A traffic change is written into the stored spec (as {@code kn service update --traffic}
 * changes the service), so a restarted platform keeps it.
 */
@Path("/v1")
public class RevisionsResource {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControlLoop loop;
    private final FunctionRegistry registry;
    private final SpecStore specs;

    public RevisionsResource(ControlLoop loop, FunctionRegistry registry, SpecStore specs) {
        this.loop = loop;
        this.registry = registry;
        this.specs = specs;
    }

    @GET
    @Path("/functions/{name}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revisions(@PathParam("name") String name) {
        return view(name).<Response>map(r -> Response.ok(r).build()).orElseGet(() -> notFound(name));
    }

    @PUT
    @Path("/functions/{name}/traffic")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response traffic(@PathParam("name") String name, TrafficRequest request) {
        Optional<FunctionDefinition> f = registry.get(name);
        if (f.isEmpty()) {
            return notFound(name);
        }
        List<TrafficEntry> traffic = request == null ? List.of() : request.traffic();
        List<String> problems = loop.setTraffic(name, traffic);
        if (!problems.isEmpty()) {
            return Response.status(400).entity(DeployRejection.of(problems)).build();
        }
        String spec = withTraffic(f.get().source(), traffic);
        specs.save(name, spec);
        FunctionDefinition d = f.get();
        registry.put(new FunctionDefinition(
                d.name(),
                d.artifact(),
                d.jvmOptions(),
                d.properties(),
                d.env(),
                d.launch(),
                d.scaling(),
                d.broker(),
                d.kafka(),
                spec));
        return Response.ok(view(name).orElseThrow()).build();
    }

    private Optional<FunctionRevisions> view(String name) {
        if (registry.get(name).isEmpty()) {
            return Optional.empty();
        }
        Revisions revisions = loop.revisions();
        List<TrafficTarget> split = revisions.traffic(name);
        Map<String, Integer> shares = TrafficSplit.shares(split);
        List<Revision> all = revisions.store().revisions(name);
        String latest = all.isEmpty() ? null : all.get(all.size() - 1).name();
        List<RevisionStatus> out = all.stream()
                .map(r -> new RevisionStatus(
                        r.name(),
                        r.created().toString(),
                        r.digest(),
                        shares.getOrDefault(r.name(), 0),
                        split.stream()
                                .filter(t -> t.revision().equals(r.name()) && t.tag() != null)
                                .map(TrafficTarget::tag)
                                .toList(),
                        loop.ready(r.name()),
                        r.name().equals(latest)))
                .toList();
        List<TrafficEntry> set =
                revisions.store().traffic(name).map(t -> t.traffic()).orElse(List.of());
        return Optional.of(new FunctionRevisions(name, out, set));
    }

    /** The spec text with its {@code traffic:} replaced (other keys kept, in order). */
    static String withTraffic(String spec, List<TrafficEntry> traffic) {
        Map<String, Object> tree = new LinkedHashMap<>(FunctionDocumentReader.parseYaml(spec));
        tree.put("traffic", JSON.convertValue(traffic, List.class));
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response notFound(String name) {
        return Response.status(404)
                .entity(new ErrorBody(404, "not_found", "No function '" + name + "' is deployed.", name))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
