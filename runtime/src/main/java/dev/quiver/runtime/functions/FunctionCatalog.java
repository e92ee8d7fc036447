package dev.quiver.runtime.functions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which function a request is for, found without allocating: {@code POST /{function}} by its path, {@code POST /} by
 * the exported (or only) function, else by its binary-mode {@code ce-type} against each function's trigger type, else
 * under {@value #UNROUTED} (a structured event at the root of a multi-function app).
 *
 * @param <M> what is kept per function (its meters)
 */
public final class FunctionCatalog<M> {

    private final Map<String, M> byPath = new HashMap<>();
    private final Map<String, M> byType = new HashMap<>();
    private final M root;
    private final M unrouted;
    private final List<String> names;

    /**
     * @param names the app's function names
     * @param exported the function {@code quarkus.funqy.export} names, if any
     * @param triggers a function's trigger type when mapped ({@code quarkus.funqy.knative-events.mapping.F.trigger})
     * @param meters creates the per-function value
     */
    public FunctionCatalog(
            List<String> names,
            Optional<String> exported,
            Function<String, Optional<String>> triggers,
            Function<String, M> meters) {
        this.names = List.copyOf(names);
        Map<String, M> created = new HashMap<>();
        for (String name : names) {
            M m = meters.apply(name);
            created.put(name, m);
            byPath.put("/" + name, m);
            byType.put(triggers.apply(name).orElse(name), m);
        }
        String rootName = exported.orElse(names.size() == 1 ? names.get(0) : null);
        this.root = rootName == null ? null : created.get(rootName);
        this.unrouted = rootName == null ? meters.apply(UNROUTED) : null;
    }

    /** Name under which {@code POST /} requests are counted when their function is not known up front. */
    public static final String UNROUTED = "_root";

    /**
     * The function a request targets, or {@code null} when it targets none (health, metrics, unknown paths).
     *
     * @param path the request path
     * @param ceType the {@code ce-type} header, or null
     */
    public M lookup(String path, String ceType) {
        if ("/".equals(path)) {
            if (root != null) {
                return root;
            }
            M typed = ceType == null ? null : byType.get(ceType);
            return typed != null ? typed : unrouted;
        }
        return byPath.get(path);
    }

    public List<String> names() {
        return names;
    }
}
