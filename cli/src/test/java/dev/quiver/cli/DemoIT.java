package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.cli.commands.DemoCommand;
import dev.quiver.cli.demo.StepResult;
import dev.quiver.cli.platform.LocalPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo scenario against a platform freshly started from the reactor's built artifacts (the platform, broker,
 * sources, kafka-local and the example functions, built before this module): every step passes.
 */
@Tag("demo")
class DemoIT {

    @Test
    void everyStepOfTheDemoPasses() throws Exception {
        Path root = Path.of(System.getProperty("quiver.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = root.resolve("cli/target/demo-it");
        deleteTree(data);
        Map<String, String> env = new HashMap<>(System.getenv());
        int kafka = freePortPair();
        List<String> names = List.of("ACTIVATOR", "BROKER", "CONTROL", "SOURCES", "S3");
        for (String n : names) {
            env.put("QUIVER_" + n + "_PORT", Integer.toString(freePort()));
        }
        env.put("QUIVER_KAFKA_PORT", Integer.toString(kafka));
        System.setProperty("quiver.build", "false");
        Session s = new Session(new Workspace(root, data), new Console(System.out, System.err, false), env);
        LocalPlatform platform = new LocalPlatform(s.workspace(), s.console());
        DemoCommand.Outcome outcome;
        try {
            outcome = DemoCommand.run(s, false); // starts the platform, runs the scenario, stops the platform
        } finally {
            platform.stop(Duration.ofSeconds(120)); // in case the demo itself failed to
        }

        List<StepResult> results = outcome.results();
        assertThat(results)
                .extracting(StepResult::step)
                .contains(
                        "1 from zero",
                        "2 burst",
                        "3 broker event",
                        "4 upload",
                        "4 thumbnail",
                        "5 orders lag",
                        "6 to zero",
                        "7 from zero again");
        assertThat(results)
                .allSatisfy(r -> assertThat(r.passed())
                        .as(r.step() + ": " + r.claim() + " - observed: " + r.observed())
                        .isTrue());
        assertThat(outcome.passed()).isTrue();
        assertThat(Files.readString(outcome.report())).contains("<html", "hello", "orders");
        assertThat(platform.process())
                .as("the demo stops the platform it started")
                .isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A port whose next port is free too (Kafka's controller). */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            if (p < 65535) {
                try (ServerSocket next = new ServerSocket(p + 1)) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port pair");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
