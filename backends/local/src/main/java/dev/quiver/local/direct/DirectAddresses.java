package dev.quiver.local.direct;

import dev.quiver.api.control.DirectAddress;
import dev.quiver.api.direct.DirectContract;
import dev.quiver.api.direct.DirectListen;
import dev.quiver.control.activator.serve.DirectBindings;
import dev.quiver.control.activator.serve.Handoff;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.warmpool.ManagedInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Carries out {@link Handoff} plans for each function's direct address on the local backend: the activator's side
 * through {@link DirectBindings} (in process), the instances' through their direct routes ({@link DirectContract},
 * with the token given at launch). All work runs on one thread of its own, in the order asked; {@link #reconcile}
 * completes once the function's listeners match the plan (or a step failed: the loop's next sweep retries).
 */
public final class DirectAddresses implements LocalBackend.DirectServing, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DirectAddresses.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final DirectSettings settings;
    private final PortBook book;
    private final DirectBindings activator;
    private final PublishedEndpoints endpoints;
    private final Predicate<String> deployed;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quiver-direct");
        t.setDaemon(true);
        return t;
    });
    /** function -> instance id -> handle, of the instances that listen on the function's direct address */
    private final Map<String, Map<String, InstanceHandle>> listening = new ConcurrentHashMap<>();

    private volatile LocalBackend backend;

    /**
     * @param deployed whether a function is deployed (a function that is not loses its address)
     * @param token the bearer token every instance gets at launch ({@link DirectContract#ENV_TOKEN})
     */
    public DirectAddresses(
            DirectSettings settings,
            PortBook book,
            DirectBindings activator,
            PublishedEndpoints endpoints,
            Predicate<String> deployed,
            String token) {
        this.settings = settings;
        this.book = book;
        this.activator = activator;
        this.endpoints = endpoints;
        this.deployed = deployed;
        this.token = token;
    }

    /** The backend whose instances serve the addresses; routing changes (traffic splits) are followed from now on. */
    public void attach(LocalBackend backend) {
        this.backend = backend;
        endpoints.onChange(ref -> reconcile(
                backend.function(ref.name()).map(LocalFunction::function).orElse(ref.name())));
    }

    /** The environment an instance needs to serve a direct address when asked. */
    public Map<String, String> instanceEnv() {
        return settings.enabled()
                ? Map.of(DirectContract.ENV_TOKEN, token, DirectContract.ENV_NATIVE_TRANSPORT, "true")
                : Map.of();
    }

    @Override
    public CompletableFuture<Void> reconcile(String function) {
        if (!settings.enabled() || backend == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> apply(function), thread).exceptionally(e -> {
            LOG.warnf("%s: direct address: %s", function, e.getMessage());
            return null;
        });
    }

    /** What status shows; empty when the function has no direct address. */
    public Optional<DirectAddress> address(String function) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return book.known(function).map(port -> {
            int listeners = listening.getOrDefault(function, Map.of()).size();
            String by =
                    listeners > 0 ? "instances" : activator.bound(FunctionRef.local(function)) ? "activator" : "none";
            return new DirectAddress(
                    "http://" + hostForUrl(settings.host()) + ":" + port, settings.host(), port, by, listeners);
        });
    }

    /** Requests the activator received on the function's direct address. */
    public long servedByActivator(String function) {
        return activator.served(FunctionRef.local(function));
    }

    private void apply(String function) {
        FunctionRef ref = FunctionRef.local(function);
        Map<String, InstanceHandle> now = listening.computeIfAbsent(function, f -> new ConcurrentHashMap<>());
        now.values().removeIf(h -> h.exited().isDone());
        if (!deployed.test(function)) {
            forget(function, ref, now);
            return;
        }
        int port = book.port(function);
        Optional<String> revision =
                endpoints.traffic(ref).map(Handoff::servingRevision).orElse(Optional.of(function));
        Map<String, InstanceHandle> eligible = new LinkedHashMap<>();
        revision.flatMap(backend::function)
                .ifPresent(lf -> lf.instances().all().stream()
                        .filter(ManagedInstance::serving)
                        .forEach(i -> eligible.put(i.id(), i.handle())));
        for (Handoff.Step step : Handoff.plan(true, activator.bound(ref), eligible.keySet(), now.keySet())) {
            boolean done;
            if (step instanceof Handoff.BindActivator) {
                done = bindActivator(ref, port);
            } else if (step instanceof Handoff.Listen l) {
                done = listen(function, port, l.instance(), eligible.get(l.instance()), now);
            } else if (step instanceof Handoff.Close c) {
                done = close(function, c.instance(), now);
            } else {
                activator.release(ref);
                LOG.infof("%s: direct address :%d served by its instances", function, port);
                done = true;
            }
            if (!done) {
                return;
            }
        }
    }

    private boolean bindActivator(FunctionRef ref, int port) {
        try {
            activator
                    .bind(ref, settings.host(), port)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("%s: direct address :%d held by the activator", ref.name(), port);
            return true;
        } catch (Exception e) {
            LOG.warnf(
                    "%s: the activator cannot bind the direct address %s:%d: %s",
                    ref.name(), settings.host(), port, e.getMessage());
            return false;
        }
    }

    private boolean listen(String function, int port, String id, InstanceHandle h, Map<String, InstanceHandle> now) {
        try {
            DirectListen to = new DirectListen(settings.host(), port);
            int status = call(
                    h,
                    DirectContract.LISTEN_PATH + "?host="
                            + java.net.URLEncoder.encode(to.host(), java.nio.charset.StandardCharsets.UTF_8)
                            + "&port=" + to.port(),
                    "");
            if (status == 200) {
                now.put(id, h);
                return true;
            }
            LOG.warnf(
                    "%s: %s did not bind the direct address :%d (HTTP %d%s)",
                    function,
                    id,
                    port,
                    status,
                    status == 404 ? ": its Quiver runtime has no direct routes; rebuild it" : "");
        } catch (Exception e) {
            LOG.warnf("%s: %s did not bind the direct address :%d: %s", function, id, port, e.getMessage());
        }
        return false;
    }

    private boolean close(String function, String id, Map<String, InstanceHandle> now) {
        InstanceHandle h = now.get(id);
        try {
            if (h.exited().isDone() || call(h, DirectContract.CLOSE_PATH, "") == 200) {
                now.remove(id);
                return true;
            }
        } catch (Exception e) {
            if (h.exited().isDone()) {
                now.remove(id);
                return true;
            }
            LOG.warnf("%s: %s did not close its direct listener: %s", function, id, e.getMessage());
        }
        return false;
    }

    private void forget(String function, FunctionRef ref, Map<String, InstanceHandle> now) {
        for (String id : java.util.List.copyOf(now.keySet())) {
            close(function, id, now);
        }
        listening.remove(function);
        activator.remove(ref);
        book.release(function);
    }

    private int call(InstanceHandle h, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + hostForUrl(h.host()) + ":" + h.port() + path))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
