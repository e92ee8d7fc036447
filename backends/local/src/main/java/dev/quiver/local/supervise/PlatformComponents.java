package dev.quiver.local.supervise;

import dev.quiver.local.config.SuperviseSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of a local platform, in start order: Kafka (ready when it prints {@code bootstrap.servers=}), the
 * broker, then the sources when built (each ready on {@code /q/health/ready}). Their logs go to
 * {@code <data dir>/logs/<name>.log}.
 */
public final class PlatformComponents {
    private PlatformComponents() {
    }

    /**
     * @param java the java launcher
     * @param dataDir the platform's data directory
     * @param activatorPort where the broker delivers events to functions
     */
    public static List<Component> plan(SuperviseSettings s, String java, Path dataDir, int activatorPort) {
        Path logs = dataDir.resolve("logs");
        List<Component> all = new ArrayList<>();
        all.add(new Component("kafka", List.of(java, "-Xmx" + s.kafkaMaxHeap(), "-XX:+UseSerialGC",
                "-Dquiver.component=kafka", "-cp", s.kafkaClassPath(), "dev.quiver.kafka.local.KafkaLocalMain",
                "--data-dir", dataDir.resolve("kafka").toString(), "--port", Integer.toString(s.kafkaPort()),
                "--controller-port", Integer.toString(s.kafkaControllerPort())), logs.resolve("kafka.log"),
                new Readiness.LogLine("bootstrap.servers=")));
        all.add(new Component("broker", List.of(java, "-Xmx" + s.brokerMaxHeap(), "-XX:+UseSerialGC",
                "-Dquiver.component=broker", "-Dquarkus.http.port=" + s.brokerPort(),
                "-Dkafka.bootstrap.servers=127.0.0.1:" + s.kafkaPort(),
                "-Dquiver.broker.function-url-template=http://127.0.0.1:" + activatorPort + "/f/{name}/",
                "-jar", s.brokerJar().toString()), logs.resolve("broker.log"), health(s.brokerPort())));
        if (s.sourcesEnabled() && Files.isRegularFile(s.sourcesJar())) {
            all.add(new Component("sources", List.of(java, "-Xmx" + s.sourcesMaxHeap(), "-XX:+UseSerialGC",
                    "-Dquiver.component=sources", "-Dquarkus.http.port=" + s.sourcesPort(),
                    "-Dquiver.sources.s3.port=" + s.s3Port(),
                    "-Dquiver.sources.data-dir=" + dataDir.resolve("objects"),
                    "-Dquiver.sources.broker-url=http://127.0.0.1:" + s.brokerPort() + "/default",
                    "-jar", s.sourcesJar().toString()), logs.resolve("sources.log"), health(s.sourcesPort())));
        }
        return all;
    }

    /** The java launcher of this JVM. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private static Readiness health(int port) {
        return new Readiness.Http(URI.create("http://127.0.0.1:" + port + "/q/health/ready"));
    }
}
