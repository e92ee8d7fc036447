package dev.quiver.bench.faults;

import dev.quiver.kafka.local.FreePorts;
import dev.quiver.kafka.local.KafkaNodeConfig;
import dev.quiver.kafka.local.KafkaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the scenarios break: a real Kafka process, the broker's packaged app on a fixed port, the subscriber, and (for
 * the upload scenarios, started on first use) the sources' object store,
 * with their data and logs under {@code dir}. The broker's consumers time out after 5 s (a paused Kafka makes the
 * dispatchers' calls fail, which their supervisors must survive).
 */
public final class Rig implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final Path dir;
    final Sink sink = new Sink();
    private final KafkaNodeConfig kafkaConfig;
    private KafkaProcess kafka;
    final BrokerNode broker;
    private SourcesNode sources;

    private Rig(Path dir, Path brokerJar) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.kafkaConfig = KafkaNodeConfig.onFreePorts(dir.resolve("kafka"));
        this.kafka = KafkaProcess.start(kafkaConfig, KafkaProcess.currentClasspath(), KafkaProcess.DEFAULT_MAX_HEAP);
        this.broker = new BrokerNode(
                brokerJar,
                FreePorts.find(),
                Map.of(
                        "kafka.bootstrap.servers", kafkaConfig.bootstrapServers(),
                        "quiver.broker.partitions", "3",
                        "quiver.broker.kafka.send-timeout", "PT5S",
                        "quiver.broker.kafka.consumer.\"session.timeout.ms\"", "6000",
                        "quiver.broker.kafka.consumer.\"request.timeout.ms\"", "5000",
                        "quiver.broker.kafka.consumer.\"default.api.timeout.ms\"", "5000"),
                dir.resolve("broker.log"));
        broker.start(START_TIMEOUT);
    }

    /**
     * @param brokerJar the broker's {@code target/quarkus-app/quarkus-run.jar}
     */
    public static Rig start(Path dir, Path brokerJar) throws IOException {
        if (!Files.isRegularFile(brokerJar)) {
            throw new IllegalArgumentException("no broker app at " + brokerJar
                    + ": build it first (./mvnw -o install -pl eventing/broker -am -DskipTests)");
        }
        return new Rig(dir, brokerJar);
    }

    /** The broker's jar in a checkout, from the module directory or the repository root. */
    public static Path defaultBrokerJar() {
        return defaultJar("quiver.faults.broker-jar", "eventing/broker/target/quarkus-app/quarkus-run.jar");
    }

    /** The system property {@code property}, else {@code path} from the module directory or the repository root. */
    static Path defaultJar(String property, String path) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path fromModule = Path.of("../..").resolve(path);
        return Files.exists(fromModule)
                ? fromModule.toAbsolutePath().normalize()
                : Path.of(path).toAbsolutePath();
    }

    /** The object store, started on first use, publishing to the broker. */
    synchronized SourcesNode sources() {
        if (sources == null) {
            Path jar = defaultJar("quiver.faults.sources-jar", "eventing/sources/target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no sources app at " + jar
                        + ": build it first (./mvnw -o install -pl eventing/sources -am -DskipTests)");
            }
            sources = new SourcesNode(
                            jar,
                            dir.resolve("objects"),
                            broker.url("/default"),
                            FreePorts.find(),
                            FreePorts.find(),
                            dir.resolve("sources.log"))
                    .start(START_TIMEOUT);
        }
        return sources;
    }

    void killKafka() {
        kafka.kill();
    }

    /** Starts Kafka again on the same ports and data (after {@link #killKafka}). */
    void restartKafka() {
        kafka = KafkaProcess.start(kafkaConfig, KafkaProcess.currentClasspath(), KafkaProcess.DEFAULT_MAX_HEAP);
    }

    /** SIGSTOP / SIGCONT of the Kafka process: every Kafka call of the broker times out meanwhile. */
    void pauseKafka(boolean paused) {
        try {
            Process p = new ProcessBuilder("kill", paused ? "-STOP" : "-CONT", Long.toString(kafka.pid()))
                    .inheritIO()
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill " + (paused ? "-STOP" : "-CONT") + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (sources != null) {
            sources.close();
        }
        broker.close();
        sink.close();
        kafka.close();
    }
}
