package dev.quiver.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are: the repository root ({@code -Dquiver.home}, set by {@code ./quiver}; else the working directory),
 * the data directory ({@code $QUIVER_DATA_DIR}, else {@code <root>/.quiver}) and the built artifacts.
 */
public record Workspace(Path root, Path dataDir) {

    public static Workspace detect(Map<String, String> env) {
        Path root =
                Path.of(System.getProperty("quiver.home", ".")).toAbsolutePath().normalize();
        String data = env.get("QUIVER_DATA_DIR");
        return new Workspace(
                root,
                data == null || data.isBlank()
                        ? root.resolve(".quiver")
                        : Path.of(data).toAbsolutePath().normalize());
    }

    public Path platformJar() {
        return root.resolve("backends/local/target/quarkus-app/quarkus-run.jar");
    }

    public Path brokerJar() {
        return root.resolve("eventing/broker/target/quarkus-app/quarkus-run.jar");
    }

    public Path sourcesJar() {
        return root.resolve("eventing/sources/target/quarkus-app/quarkus-run.jar");
    }

    public Path helloJar() {
        return example("hello");
    }

    public Path example(String name) {
        return root.resolve("functions-examples/" + name + "/target/quarkus-app/quarkus-run.jar");
    }

    public Path simulatorJar() {
        return root.resolve("scaler/simulator/target/quiver-simulator.jar");
    }

    public Path kafkaLocalMarker() {
        return root.resolve("eventing/kafka-local/target/classes/dev/quiver/kafka/local/KafkaLocalMain.class");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return dataDir.resolve("pids").resolve(name + ".pid");
    }

    public Path portsFile() {
        return dataDir.resolve("ports.env");
    }

    public Path specs() {
        return root.resolve("functions-examples/specs");
    }

    public boolean built(Path jar) {
        return Files.isRegularFile(jar);
    }
}
