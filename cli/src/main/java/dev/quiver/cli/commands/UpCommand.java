package dev.quiver.cli.commands;

import dev.quiver.cli.Builds;
import dev.quiver.cli.Console;
import dev.quiver.cli.Credentials;
import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.Ports;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.LocalPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Build what is missing or stale; start the platform: one process (the control plane and its "
                    + "activator) that starts and supervises Kafka, the broker and the object store (when built); "
                    + "print the URLs when ready.",
            "State and logs: .quiver/ (or $QUIVER_DATA_DIR)."
        })
public class UpCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    @Option(
            names = "--activator-port",
            defaultValue = "${env:QUIVER_ACTIVATOR_PORT:-8080}",
            description = "The activator (functions). Default ${DEFAULT-VALUE}; env QUIVER_ACTIVATOR_PORT.")
    int activatorPort;

    @Option(
            names = "--broker-port",
            defaultValue = "${env:QUIVER_BROKER_PORT:-8081}",
            description = "The broker. Default ${DEFAULT-VALUE}.")
    int brokerPort;

    @Option(
            names = "--control-port",
            defaultValue = "${env:QUIVER_CONTROL_PORT:-8082}",
            description = "The control API. Default ${DEFAULT-VALUE}.")
    int controlPort;

    @Option(
            names = "--sources-port",
            defaultValue = "${env:QUIVER_SOURCES_PORT:-8083}",
            description = "The sources (object store events, webhooks). Default ${DEFAULT-VALUE}.")
    int sourcesPort;

    @Option(
            names = "--s3-port",
            defaultValue = "${env:QUIVER_S3_PORT:-9000}",
            description = "The object store's S3 API. Default ${DEFAULT-VALUE}.")
    int s3Port;

    @Option(
            names = "--kafka-port",
            defaultValue = "${env:QUIVER_KAFKA_PORT:-9092}",
            description = "Kafka (its controller uses the next port). Default ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "${env:QUIVER_BIND:-127.0.0.1}",
            description = "Where every server listens (control API, activator, broker, sources, Kafka). Default "
                    + "${DEFAULT-VALUE}: this machine only; 0.0.0.0 makes them reachable from the network (see "
                    + "docs/platform.md, Security). Env QUIVER_BIND.")
    String bind;

    @Option(names = "--functions", paramLabel = "DIR", description = "Deploy every *.yaml of DIR once up.")
    Path functions;

    @Option(
            names = "--timeout",
            defaultValue = "300s",
            description = "Longest wait for readiness. Default " + "${DEFAULT-VALUE}.",
            converter = DurationConverter.class)
    Duration timeout;

    @Override
    public Integer call() {
        localOnly.check("up");
        Session s = Session.current();
        Console c = s.console();
        Ports ports = new Ports(activatorPort, brokerPort, controlPort, sourcesPort, s3Port, kafkaPort);
        ports.asMap().forEach((name, port) -> {
            if (port < 1 || port > 65535 || (name.equals("KAFKA") && port == 65535)) {
                throw QuiverException.usage("--" + name.toLowerCase() + "-port must be 1..65535 (Kafka: below "
                        + "65535, its controller takes the next port), was " + port);
            }
        });
        if (!isLoopback(bind)) {
            c.err()
                    .println("quiver: WARNING: --bind " + bind + " makes the platform reachable from other machines: "
                            + "the control API (with the token in " + Credentials.controlTokenFile(s.workspace())
                            + "), the "
                            + "activator (every function, no token), the broker ingress, the S3 object store and the "
                            + "webhooks (with their credentials) and Kafka (no authentication)");
        }
        start(s, ports, timeout, bind);
        c.bold("Quiver is up.");
        c.detail("activator (functions)  " + ports.activatorUrl() + "/f/<function>/...  or  Host: "
                + "<function>.quiver.localhost");
        c.detail("control API            " + ports.controlUrl() + "/v1/functions   (metrics: " + ports.controlUrl()
                + "/q/metrics)");
        c.detail("control token          " + Credentials.controlTokenFile(s.workspace()) + "   (curl -H "
                + "\"Authorization: Bearer $(cat " + Credentials.controlTokenFile(s.workspace()) + ")\" ...)");
        c.detail("broker ingress         " + ports.brokerUrl() + "/default");
        if (s.workspace().built(s.workspace().sourcesJar())) {
            c.detail("object store (S3)      " + ports.s3Url() + "   (credentials: "
                    + Credentials.s3CredentialsFile(s.workspace()) + ")");
        } else {
            c.detail("object store           not built (eventing/sources)");
        }
        c.detail("Kafka                  " + ports.kafkaBootstrap());
        c.detail("logs                   " + s.workspace().logs());
        c.detail("next: ./quiver deploy functions-examples/specs/hello.yaml && ./quiver invoke hello "
                + "'{\"name\":\"Ada\"}'");
        if (functions != null) {
            return DeployCommand.deploy(s, new dev.quiver.cli.Target().control(s), List.of(functions));
        }
        return 0;
    }

    /** Checks, builds what is stale, starts the platform and waits for it (used by {@code demo} too). */
    public static void start(Session s, Ports ports, Duration timeout) {
        start(s, ports, timeout, "127.0.0.1");
    }

    static boolean isLoopback(String bind) {
        String b = bind.strip();
        return b.equals("localhost") || b.startsWith("127.") || b.equals("::1");
    }

    /** @param bind where the platform's servers listen ({@code quiver.platform.bind}) */
    public static void start(Session s, Ports ports, Duration timeout, String bind) {
        LocalPlatform platform = new LocalPlatform(s.workspace(), s.console());
        if (platform.process().isPresent()) {
            throw QuiverException.failed(
                    "the platform is already running (control API " + s.ports().controlUrl() + "); quiver down first");
        }
        Builds builds = new Builds(s.workspace(), s.console());
        builds.ensure(builds.everything());
        Map<String, Integer> needed = new LinkedHashMap<>(); // name -> port; the flag is --<first word>-port
        needed.put("kafka", ports.kafka());
        needed.put("kafka controller, the Kafka port + 1", ports.kafka() + 1);
        needed.put("broker", ports.broker());
        needed.put("control", ports.control());
        needed.put("activator", ports.activator());
        boolean sources = s.workspace().built(s.workspace().sourcesJar());
        if (sources) {
            needed.put("sources", ports.sources());
            needed.put("s3", ports.s3());
        }
        needed.forEach((name, port) -> LocalPlatform.requireFree(port, name, name.split(" ")[0] + "-port"));
        ports.save(s.workspace().portsFile());
        s.console().step("Starting the Quiver platform (logs: " + s.workspace().logs() + ")");
        platform.start(ports, sources, timeout, bind);
    }
}
