package dev.quiver.cli.demo;

import dev.quiver.api.control.ControlClient;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.api.control.FunctionSummary;
import dev.quiver.cli.Console;
import dev.quiver.cli.Credentials;
import dev.quiver.cli.Ports;
import dev.quiver.cli.Workspace;
import dev.quiver.cli.platform.Broker;
import dev.quiver.cli.platform.ObjectStore;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The mission on one machine, each step checked against what the platform reports: deploy the example functions;
 * (1) a request at zero served by the warm pool; (2) a burst -> panic scale-up, no request failing; (3) a broker
 * event -> trigger -> function at zero; (4) an upload -> object store -> event (-> thumbnail); (5) 10,000 orders on
 * Kafka -> scale-out on lag, drain, back to zero; (6) idle -> scale to zero, warm pool kept; (7) at zero again.
 * Steps whose functions or processes are not built are skipped, as before.
 */
public final class DemoScenario {
    private static final String DELIVERED =
            "quiver_trigger_events_total{result=\"delivered\",trigger=\"fn-hello-events\"}";
    private static final String ACCEPTED = "quiver_ingress_events_total{broker=\"default\",result=\"accepted\"}";
    /** a 16x16 orange PNG */
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP4H8BAEiJN9aiGUQ1DSgMAGC5P"
                    + "EBPkxiEAAAAASUVORK5CYII=";

    private final Workspace ws;
    private final Map<String, String> env;
    private final Ports ports;
    private final Console c;
    private final ControlClient control;
    private final Broker broker;
    private final ObjectStore store;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<StepResult> results = new ArrayList<>();

    public DemoScenario(Workspace ws, Ports ports, Console console, Map<String, String> env) {
        this.ws = ws;
        this.ports = ports;
        this.c = console;
        this.control =
                new ControlClient(ports.controlUrl(), Duration.ofSeconds(30), Credentials.controlToken(ws, env, null));
        this.broker = new Broker(ports.brokerUrl());
        this.store = ObjectStore.of(ports.s3Url(), ws, env);
        this.env = env;
    }

    /** Runs every step; the results in order. */
    public List<StepResult> run() throws Exception {
        deploy();
        fromZero();
        burst();
        brokerEvent();
        upload();
        orders();
        toZeroAndBack();
        return List.copyOf(results);
    }

    public List<StepResult> results() {
        return List.copyOf(results);
    }

    private void deploy() {
        c.step("Deploying the example functions");
        List<Path> specs = new ArrayList<>(
                List.of(ws.specs().resolve("hello.yaml"), ws.specs().resolve("hello-events.yaml")));
        for (String f : List.of("thumbnail", "orders")) {
            if (java.nio.file.Files.isRegularFile(ws.specs().resolve(f + ".yaml")) && ws.built(ws.example(f))) {
                specs.add(ws.specs().resolve(f + ".yaml"));
            }
        }
        for (Path spec : specs) {
            String doc;
            try {
                doc = java.nio.file.Files.readString(spec);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + spec, e);
            }
            doc = dev.quiver.cli.commands.DeployCommand.substitute(
                    doc, ports, dev.quiver.cli.commands.DeployCommand.secrets(ws, env));
            ControlClient.DeployResult r = control.deploy(doc);
            if (!r.ok()) {
                throw new IllegalStateException(
                        "deploying " + spec + " failed: " + r.rejection().problems());
            }
            c.line((r.created() ? "created  " : "updated  ") + spec);
        }
    }

    private void fromZero() {
        c.step("1. Scale from zero via the warm pool (hello: initialScale 0, warmPool 1)");
        if (waitUntil(
                180,
                "hello has a ready warm instance and none in traffic",
                () -> fn("hello").warm() >= 1 && fn("hello").ready() == 0)) {
            fromPool("1 from zero");
        } else {
            result(
                    "1 from zero",
                    "a request at zero is served by the warm pool",
                    "the warm instance never became " + "ready",
                    false);
        }
    }

    private void fromPool(String step) {
        FunctionStatus before = fn("hello");
        long t0 = System.nanoTime();
        String out;
        try {
            out = http.send(
                            HttpRequest.newBuilder(activator("hello", "/hello"))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            out = "(no answer: " + e.getMessage() + ")";
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        FunctionStatus after = fn("hello");
        c.detail(out + "  (" + ms + " ms; activator: " + after.coldStartText() + "; launch " + after.launch() + ")");
        boolean ok = out.equals("{\"message\":\"Hello Ada!\"}")
                && after.promotions() > before.promotions()
                && after.coldStarts() == before.coldStarts()
                && after.coldStart().warm().count() > before.coldStart().warm().count();
        result(
                step,
                "a request at zero is served by the warm pool, no cold start",
                "answered in " + ms
                        + " ms by a promoted pool instance (promotions " + before.promotions() + " -> "
                        + after.promotions()
                        + ", cold starts " + before.coldStarts() + ", recorded as served warm)",
                ok);
    }

    private void burst() throws InterruptedException {
        c.step("2. A burst of HTTP requests -> panic scale-up");
        long since = System.currentTimeMillis();
        Burst.Counts n = Burst.run(activator("hello", "/hello"), "{\"name\":\"burst\"}", Duration.ofSeconds(25), 100);
        c.detail(n.ok() + " of " + n.total() + " requests answered 200");
        waitUntil(
                90,
                "more than one instance ready",
                () -> summary("hello", since).maxReady() >= 2);
        FunctionSummary s = summary("hello", since);
        result(
                "2 burst",
                "a burst panics the scaler and scales out, no request fails",
                "panic=" + s.panicked()
                        + ", desired up to " + s.maxDesired() + ", ready up to " + s.maxReady() + ", " + n.ok() + "/"
                        + n.total() + " OK",
                s.panicked() && s.maxReady() >= 2 && n.ok() == n.total() && n.total() > 0);
    }

    private void brokerEvent() {
        c.step("3. An event published to the broker -> trigger -> activator -> function at zero (hello-events)");
        if (!waitUntil(
                180,
                "hello-events has a ready warm instance",
                () -> fn("hello-events").warm() >= 1)) {
            result(
                    "3 broker event",
                    "a published event reaches the function",
                    "hello-events never had a warm " + "instance",
                    false);
            return;
        }
        long delivered = broker.metric(DELIVERED);
        broker.publish(
                "default",
                CloudEventBuilder.v1()
                        .withId("demo-" + System.nanoTime())
                        .withType("dev.quiver.hello.requested")
                        .withSource(URI.create("/quiver/demo"))
                        .withDataContentType("application/json")
                        .withData("{\"name\":\"Event\"}".getBytes(StandardCharsets.UTF_8))
                        .build());
        if (waitUntil(60, "the broker delivered it", () -> broker.metric(DELIVERED) > delivered)) {
            result(
                    "3 broker event",
                    "a published event reaches the function through its trigger",
                    "delivered by "
                            + "trigger fn-hello-events, served by a promoted pool instance (promotions "
                            + fn("hello-events").promotions() + ")",
                    true);
        } else {
            result("3 broker event", "a published event reaches the function", "not delivered within 60 s", false);
        }
    }

    private void upload() {
        c.step("4. Images uploaded -> object store -> CloudEvents on the broker (-> thumbnails)");
        if (!ws.built(ws.sourcesJar())
                || control.components().stream().noneMatch(x -> x.name().equals("sources") && x.ready())) {
            c.detail("skipped: the object store (eventing/sources) is not running");
            return;
        }
        long accepted = broker.metric(ACCEPTED);
        boolean thumbs = ws.built(ws.example("thumbnail"));
        if (thumbs) {
            waitUntil(
                    180,
                    "thumbnail has a ready warm instance",
                    () -> fn("thumbnail").warm() >= 1);
        }
        store.put("photos", "images/demo.png", Base64.getDecoder().decode(PNG));
        c.detail("uploaded demo.png to s3://photos/images/demo.png");
        if (waitUntil(30, "the upload's event reached the broker", () -> broker.metric(ACCEPTED) > accepted)) {
            result(
                    "4 upload",
                    "an upload becomes a CloudEvent on the broker",
                    "object stored, event accepted by the " + "broker",
                    true);
        } else {
            result("4 upload", "an upload becomes a CloudEvent on the broker", "no event within 30 s", false);
        }
        if (!thumbs) {
            c.detail("thumbnails: functions-examples/thumbnail is not built");
            return;
        }
        if (waitUntil(120, "photos/thumbnails/demo.png appears", () -> store.exists("photos", "thumbnails/demo.png"))) {
            FunctionStatus t = fn("thumbnail");
            result(
                    "4 thumbnail",
                    "the thumbnail function writes the thumbnail",
                    "photos/thumbnails/demo.png " + "written by thumbnail (promotions " + t.promotions()
                            + ", cold starts " + t.coldStarts() + ")",
                    true);
        } else {
            result(
                    "4 thumbnail",
                    "the thumbnail function writes the thumbnail",
                    "no thumbnail within 120 s " + "(quiver logs thumbnail)",
                    false);
        }
    }

    private void orders() throws Exception {
        c.step("5. A backlog of 10,000 orders on Kafka -> scale-out on lag, drain, back to zero");
        if (!java.nio.file.Files.isRegularFile(ws.specs().resolve("orders.yaml")) || !ws.built(ws.example("orders"))) {
            c.detail("skipped: functions-examples/orders is not built (functions-examples/specs/orders.yaml)");
            return;
        }
        long since = System.currentTimeMillis();
        ProduceOrders.produce(ports.kafkaBootstrap(), 10_000);
        c.detail("produced 10000 orders to topic orders");
        boolean scaled = waitUntil(180, "lag seen and orders scaled out", () -> {
            FunctionSummary s = summary("orders", since);
            return s.maxLag() > 0 && s.maxReady() >= 2;
        });
        boolean drained =
                waitUntil(300, "backlog consumed (lag 0)", () -> fn("orders").lag() == 0);
        boolean zero = waitUntil(120, "orders back to zero", () -> {
            FunctionStatus f = fn("orders");
            return f.ready() == 0 && f.desired() == 0 && f.starting() == 0;
        });
        FunctionSummary s = summary("orders", since);
        result(
                "5 orders lag",
                "10,000 orders: scale-out on lag, drain, back to zero",
                "lag up to " + s.maxLag() + ", ready up to " + s.maxReady() + ", drained=" + drained + ", zero=" + zero,
                scaled && drained && zero);
    }

    private void toZeroAndBack() {
        c.step("6. Idle -> scale to zero (stable window 10 s, grace 5 s), the warm pool kept");
        if (waitUntil(240, "hello at zero with its warm instance", () -> {
            FunctionStatus f = fn("hello");
            return f.ready() == 0 && f.desired() == 0 && f.warm() >= 1;
        })) {
            result(
                    "6 to zero",
                    "an idle function scales to zero and keeps its warm pool",
                    "ready 0, desired 0, warm " + fn("hello").warm(),
                    true);
            c.step("7. A request to the function at zero");
            fromPool("7 from zero again");
        } else {
            result(
                    "6 to zero",
                    "an idle function scales to zero",
                    "still ready " + fn("hello").ready(),
                    false);
        }
    }

    private FunctionStatus fn(String name) {
        return control.function(name).orElseThrow(() -> new IllegalStateException("function " + name + " is gone"));
    }

    private FunctionSummary summary(String name, long since) {
        return control.summary(name, since)
                .orElseThrow(() -> new IllegalStateException("function " + name + " is gone"));
    }

    private URI activator(String function, String path) {
        return ports.activatorUrl().resolve("/f/" + function + path);
    }

    private void result(String step, String claim, String observed, boolean passed) {
        StepResult r = new StepResult(step, claim, observed, passed);
        results.add(r);
        c.detail(r.verdict() + ": " + observed);
    }

    /** Polls each second with progress dots; false on timeout (a failing check counts as not yet). */
    private boolean waitUntil(int seconds, String what, BooleanSupplier condition) {
        long t0 = System.nanoTime();
        c.progress("    waiting: " + what + " ");
        while (true) {
            if (quietly(() -> condition.getAsBoolean())) {
                c.line(" ok (" + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
                return true;
            }
            if (System.nanoTime() - t0 > seconds * 1_000_000_000L) {
                c.line(" timed out after " + seconds + " s");
                return false;
            }
            c.progress(".");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean quietly(Supplier<Boolean> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
