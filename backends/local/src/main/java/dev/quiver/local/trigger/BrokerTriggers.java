package dev.quiver.local.trigger;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.FunctionTriggerName;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.local.registry.FunctionDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Keeps the broker's triggers in step with the functions' {@code triggers.broker}: a trigger named
 * {@code fn-<function>} whose subscriber is the function behind the activator. A thin mapping from the function
 * definition to the shared {@link TriggerDocument}, sent with the shared {@link BrokerAdminClient} (idempotent:
 * redeploying an unchanged function leaves its trigger and dispatcher alone). Asynchronous, failures are logged.
 */
public final class BrokerTriggers {
    private static final Logger LOG = Logger.getLogger(BrokerTriggers.class);

    private final BrokerAdminClient client;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
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
        return call(f.name(), () -> {
            BrokerAdminClient.Applied a = client.apply(doc);
            LOG.infof(
                    "%s: broker trigger %s %s (ready: %s)",
                    f.name(),
                    doc.name(),
                    a.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    a.trigger().status() != null && a.trigger().status().ready());
        });
    }

    public CompletableFuture<Void> remove(String function) {
        if (client == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call(function, () -> client.delete(triggerName(function)));
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
                    } catch (BrokerAdminException e) {
                        LOG.warnf("%s: %s", function, e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                calls);
    }
}
