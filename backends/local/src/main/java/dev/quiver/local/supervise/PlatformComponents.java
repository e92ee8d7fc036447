package dev.quiver.local.supervise;

import dev.quiver.local.config.Binds;
import dev.quiver.local.config.SuperviseSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a local platform, in start order: Kafka (ready when it prints {@code bootstrap.servers=}), the
 * broker, then the sources when built (each ready on {@code /q/health/ready}). Their logs go to
 * {@code <data dir>/logs/<name>.log}. Every process listens on {@code quiver.platform.bind}; the token files and S3
 * keys go in their environment ({@code QUIVER_BROKER_ADMIN_TOKEN_FILE}, {@code QUIVER_SOURCES_WEBHOOK_TOKEN_FILE},
 * {@code QUIVER_SOURCES_ACCESS_KEY}/{@code _SECRET_KEY}).
 */
public final class PlatformComponents {
    private PlatformComponents() {}

    /** The sources' data directory: objects, and the generated {@code s3-credentials}. */
    public static Path sourcesDataDir(Path dataDir) {
        return dataDir.resolve("objects");
    }

    /** The webhooks' bearer token, generated at first start. */
    public static Path webhookTokenFile(Path dataDir) {
        return dataDir.resolve("webhook-token");
    }

    /**
     * @param java the java launcher
     * @param dataDir the platform's data directory
     * @param activatorPort where the broker delivers events to functions
     * @param adminTokenFile the broker admin API's bearer token (the control token's file)
     */
    public static List<Component> plan(
            SuperviseSettings s, String java, Path dataDir, int activatorPort, Path adminTokenFile) {
        Path logs = dataDir.resolve("logs");
        String bind = s.bind();
        String reach = Binds.reach(bind);
        List<Component> all = new ArrayList<>();
        all.add(new Component(
                "kafka",
                List.of(
                        java,
                        "-Xmx" + s.kafkaMaxHeap(),
                        "-XX:+UseSerialGC",
                        "-Dquiver.component=kafka",
                        "-cp",
                        s.kafkaClassPath(),
                        "dev.quiver.kafka.local.KafkaLocalMain",
                        "--data-dir",
                        dataDir.resolve("kafka").toString(),
                        "--port",
                        Integer.toString(s.kafkaPort()),
                        "--controller-port",
                        Integer.toString(s.kafkaControllerPort()),
                        "--host",
                        bind),
                logs.resolve("kafka.log"),
                new Readiness.LogLine("bootstrap.servers=")));
        all.add(new Component(
                "broker",
                List.of(
                        java,
                        "-Xmx" + s.brokerMaxHeap(),
                        "-XX:+UseSerialGC",
                        "-Dquiver.component=broker",
                        "-Dquarkus.http.port=" + s.brokerPort(),
                        "-Dquarkus.http.host=" + bind,
                        "-Dkafka.bootstrap.servers=" + reach + ":" + s.kafkaPort(),
                        "-Dquiver.broker.function-url-template=http://127.0.0.1:" + activatorPort + "/f/{name}/",
                        "-jar",
                        s.brokerJar().toString()),
                logs.resolve("broker.log"),
                health(reach, s.brokerPort()),
                Map.of("QUIVER_BROKER_ADMIN_TOKEN_FILE", adminTokenFile.toString())));
        if (s.sourcesEnabled() && Files.isRegularFile(s.sourcesJar())) {
            List<String> cmd = new ArrayList<>(List.of(
                    java,
                    "-Xmx" + s.sourcesMaxHeap(),
                    "-XX:+UseSerialGC",
                    "-Dquiver.component=sources",
                    "-Dquarkus.http.port=" + s.sourcesPort(),
                    "-Dquarkus.http.host=" + bind,
                    "-Dquiver.sources.s3.port=" + s.s3Port(),
                    "-Dquiver.sources.s3.host=" + bind,
                    "-Dquiver.sources.data-dir=" + sourcesDataDir(dataDir),
                    "-Dquiver.sources.broker-url=http://" + reach + ":" + s.brokerPort() + "/default"));
            cmd.addAll(List.of("-jar", s.sourcesJar().toString()));
            Map<String, String> env = new LinkedHashMap<>();
            env.put(
                    "QUIVER_SOURCES_WEBHOOK_TOKEN_FILE",
                    webhookTokenFile(dataDir).toString());
            s.s3AccessKey().ifPresent(k -> env.put("QUIVER_SOURCES_ACCESS_KEY", k));
            s.s3SecretKey().ifPresent(k -> env.put("QUIVER_SOURCES_SECRET_KEY", k));
            all.add(new Component("sources", cmd, logs.resolve("sources.log"), health(reach, s.sourcesPort()), env));
        }
        return all;
    }

    /** The java launcher of this JVM. */
    public static String currentJava() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Readiness health(String host, int port) {
        return new Readiness.Http(URI.create("http://" + host + ":" + port + "/q/health/ready"));
    }
}
