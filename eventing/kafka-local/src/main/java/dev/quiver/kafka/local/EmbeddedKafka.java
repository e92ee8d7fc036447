package dev.quiver.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker running inside this JVM (for tests).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 * Restarting on the same data dir keeps topics, records and committed offsets.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaNodeConfig config;
    private final KafkaRaftServer server;
    private final Path deleteOnClose;
    private volatile boolean running;

    private EmbeddedKafka(KafkaNodeConfig config, KafkaRaftServer server, Path deleteOnClose) {
        this.config = config;
        this.server = server;
        this.deleteOnClose = deleteOnClose;
        this.running = true;
    }

    /** Starts a broker on free ports in a fresh temporary directory, deleted on {@link #close()}. */
    public static EmbeddedKafka start() {
        try {
            Path dir = Files.createTempDirectory("quiver-kafka-");
            return start(KafkaNodeConfig.onFreePorts(dir), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on free ports keeping its data in {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(KafkaNodeConfig.onFreePorts(dataDir), null);
    }

    /** Starts a broker with these exact settings (e.g. the same ports again after a {@link #close()}). */
    public static EmbeddedKafka start(KafkaNodeConfig config) {
        return start(config, null);
    }

    private static EmbeddedKafka start(KafkaNodeConfig config, Path deleteOnClose) {
        ServerPropertiesFile.write(config);
        if (!ServerPropertiesFile.isFormatted(config)) {
            format(config);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config.toProperties(), false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(config, server, deleteOnClose);
        try {
            KafkaReadiness.await(config.bootstrapServers(), READY_TIMEOUT, () -> true);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static void format(KafkaNodeConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                ServerPropertiesFile.formatArgs(config), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + config.logDir() + " failed (" + rc + "): "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public KafkaNodeConfig config() {
        return config;
    }

    /** Client settings for this broker, e.g. {@code kafka.bootstrap.servers}. */
    public Map<String, String> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the broker (controlled shutdown) and deletes the data dir if this object created it. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose != null) {
            DataDirs.deleteRecursively(deleteOnClose);
        }
    }
}
