package dev.quiver.kafka.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker as a separate {@code java -Xmx256m -cp ... kafka.Kafka} process
 * (for the local platform, and tests that kill the broker). Storage is formatted first by
 * {@code kafka.tools.StorageTool} in a short process of its own; a formatted data dir is reused.
 */
public final class KafkaProcess implements AutoCloseable {

    /** The heap that works for a single node (128m dies at start: the log cleaner's buffer). */
    public static final String DEFAULT_MAX_HEAP = "256m";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaNodeConfig config;
    private final Process process;

    private KafkaProcess(KafkaNodeConfig config, Process process) {
        this.config = config;
        this.process = process;
    }

    /** Starts Kafka on free ports with this JVM's class path (which must hold quiver-kafka-local's dependencies). */
    public static KafkaProcess start(Path dataDir) {
        return start(KafkaNodeConfig.onFreePorts(dataDir), currentClasspath(), DEFAULT_MAX_HEAP);
    }

    /** This JVM's class path; under Surefire/Failsafe the real test class path, not the booter jar. */
    public static String currentClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * @param classpath a class path with {@code kafka_2.13} and its runtime dependencies, e.g. {@code lib/*}
     *                  (quiver-kafka-local's build copies them to {@code target/lib})
     * @param maxHeap   the {@code -Xmx} value, e.g. {@code 256m}
     */
    public static KafkaProcess start(KafkaNodeConfig config, String classpath, String maxHeap) {
        ServerPropertiesFile.write(config);
        if (!ServerPropertiesFile.isFormatted(config)) {
            List<String> format = command(classpath, maxHeap, "kafka.tools.StorageTool");
            format.addAll(List.of(ServerPropertiesFile.formatArgs(config)));
            runToEnd(format, config.dataDir().resolve("format.log").toFile());
        }
        List<String> cmd = command(classpath, maxHeap, "kafka.Kafka");
        cmd.add(config.propertiesFile().toAbsolutePath().toString());
        Process p = spawn(cmd, config.dataDir().resolve("kafka.log").toFile());
        KafkaProcess kafka = new KafkaProcess(config, p);
        try {
            KafkaReadiness.await(config.bootstrapServers(), READY_TIMEOUT, p::isAlive);
        } catch (RuntimeException e) {
            kafka.kill();
            throw new IllegalStateException(
                    e.getMessage() + "; see " + config.dataDir().resolve("kafka.log"), e);
        }
        return kafka;
    }

    private static List<String> command(String classpath, String maxHeap, String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-cp", classpath, mainClass));
    }

    private static Process spawn(List<String> cmd, File log) {
        try {
            return new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(cmd.size() - 1), e);
        }
    }

    private static void runToEnd(List<String> cmd, File log) {
        Process p = spawn(cmd, log);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public KafkaNodeConfig config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Stops the broker (SIGTERM: controlled shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
