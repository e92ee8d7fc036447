package dev.quiver.local.trigger;

import dev.quiver.api.control.TriggerStatus;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.FunctionTriggerName;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.local.registry.FunctionDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps the broker's triggers in step with the functions' {@code triggers.broker}: a trigger named
 * {@code fn-<function>} whose subscriber is the function behind the activator. A thin mapping from the function
 * definition to the shared {@link TriggerDocument}, sent with the shared {@link BrokerAdminClient} (idempotent:
 * redeploying an unchanged function leaves its trigger and dispatcher alone). Asynchronous; each function's last
 * outcome is kept ({@link #status}) and {@link #startResync} applies every trigger again periodically, so that a
 * broker that lost its triggers (a restart) gets them back.
 */
public final class BrokerTriggers {
    private static final Logger LOG = Logger.getLogger(BrokerTriggers.class);

    private final BrokerAdminClient client;
    private final Clock clock;
    private final Map<String, TriggerStatus> states = new ConcurrentHashMap<>();
    private final List<Runnable> alsoOnResync = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-broker-triggers");
        t.setDaemon(true);
        return t;
    });

    /** @param brokerUrl the broker's base URL, e.g. {@code http://127.0.0.1:8081}; null = not managed */
    public BrokerTriggers(String brokerUrl) {
        this(brokerUrl, null);
    }

    /** @param adminToken the broker admin API's bearer token (the control token); null = none */
    public BrokerTriggers(String brokerUrl, String adminToken) {
        this(brokerUrl, adminToken, Clock.systemUTC());
    }

    public BrokerTriggers(String brokerUrl, String adminToken, Clock clock) {
        this.clock = clock;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.client = brokerUrl == null
                ? null
                : new BrokerAdminClient(
                        http,
                        URI.create(brokerUrl.replaceAll("/+$", "")),
                        Duration.ofSeconds(40),
                        Optional.ofNullable(adminToken));
    }

    static String triggerName(String function) {
        return FunctionTriggerName.of(function);
    }

    /** Creates, keeps or replaces the function's trigger, or removes it when the function has none. */
    public CompletableFuture<Void> apply(FunctionDefinition f, int activatorPort) {
        if (client == null) {
            if (f.broker().isPresent()) {
                LOG.warnf(
                        "%s: has a broker trigger but no broker is configured (quiver.platform.broker.url)", f.name());
            }
            return CompletableFuture.completedFuture(null);
        }
        if (f.broker().isEmpty()) {
            return remove(f.name());
        }
        TriggerDocument doc = document(f, activatorPort);
        states.putIfAbsent(f.name(), new TriggerStatus("pending", null, null));
        return call(f.name(), () -> {
            BrokerAdminClient.Applied a = client.apply(doc);
            boolean ready = a.trigger().status() != null && a.trigger().status().ready();
            states.put(
                    f.name(),
                    new TriggerStatus(
                            ready ? "ready" : "not-ready", null, clock.instant().toString()));
            if (a.outcome() != BrokerAdminClient.Outcome.UNCHANGED) {
                LOG.infof(
                        "%s: broker trigger %s %s (ready: %s)",
                        f.name(), doc.name(), a.outcome().name().toLowerCase(java.util.Locale.ROOT), ready);
            }
        });
    }

    public CompletableFuture<Void> remove(String function) {
        states.remove(function);
        if (client == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call(function, () -> client.delete(triggerName(function)));
    }

    /** The function's broker trigger as last applied; empty when it has none (or no broker is managed). */
    public Optional<TriggerStatus> status(String function) {
        return Optional.ofNullable(states.get(function));
    }

    /** Applies the trigger of every function that has one (each call idempotent: unchanged ones stay alone). */
    public CompletableFuture<Void> resync(Collection<FunctionDefinition> functions, int activatorPort) {
        if (client == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(functions.stream()
                .filter(f -> f.broker().isPresent())
                .map(f -> apply(f, activatorPort))
                .toArray(CompletableFuture[]::new));
    }

    /** The broker's admin client; empty when no broker is managed ({@code quiver.platform.broker.url} unset). */
    public Optional<BrokerAdminClient> client() {
        return Optional.ofNullable(client);
    }

    /**
     * Runs {@code task} on every resync tick before the functions' triggers (the eventing objects deployed as
     * documents: brokers first, so the triggers find them).
     */
    public void alsoOnResync(Runnable task) {
        alsoOnResync.add(task);
    }

    /** {@link #resync} every {@code every}, over the functions deployed at each tick. */
    public void startResync(
            Supplier<Collection<FunctionDefinition>> functions, IntSupplier activatorPort, Duration every) {
        if (client == null) {
            return;
        }
        calls.scheduleWithFixedDelay(
                () -> {
                    alsoOnResync.forEach(task -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "eventing objects resync failed");
                        }
                    });
                    try {
                        resync(functions.get(), activatorPort.getAsInt());
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "broker trigger resync failed");
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void close() {
        calls.shutdownNow();
    }

    /** The function's trigger: its broker, filters and delivery; the subscriber is the function behind the activator. */
    static TriggerDocument document(FunctionDefinition f, int activatorPort) {
        var t = f.broker().orElseThrow();
        List<Filter> filters = t.filters().stream()
                .map(o -> o instanceof Filter filter ? filter : Filter.read("triggers.broker.filters[]", o))
                .toList();
        TriggerDocument.Spec spec = TriggerDocument.Spec.of(
                        t.broker(), filters, "http://127.0.0.1:" + activatorPort + "/f/" + f.name() + "/")
                .withDelivery(t.delivery().orElse(null));
        return TriggerDocument.of(triggerName(f.name()), spec);
    }

    private interface Call {
        void run() throws InterruptedException;
    }

    private CompletableFuture<Void> call(String function, Call call) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        call.run();
                    } catch (BrokerAdminException | java.io.UncheckedIOException e) {
                        LOG.warnf("%s: %s", function, e.getMessage());
                        TriggerStatus last = states.get(function);
                        if (last != null) {
                            states.put(function, new TriggerStatus("failed", e.getMessage(), last.lastApplied()));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                calls);
    }
}
