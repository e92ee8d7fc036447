package dev.quiver.kafka.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of a single-node KRaft Kafka (broker and controller in one node).
 * Pure: builds the {@code server.properties} content, starts nothing.
 *
 * @param dataDir        where the node keeps its logs and metadata (and its server.properties)
 * @param port           PLAINTEXT listener port (clients)
 * @param controllerPort CONTROLLER listener port
 * @param host           host the client (PLAINTEXT) listener binds to and advertises; 127.0.0.1 by default. The
 *                       controller listener always stays on 127.0.0.1: only this node talks to it.
 * @param overrides      extra broker settings, applied last
 */
public record KafkaNodeConfig(Path dataDir, int port, int controllerPort, String host, Map<String, String> overrides) {

    public KafkaNodeConfig {
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException(
                    "ports must be positive and distinct: port=" + port + " controllerPort=" + controllerPort);
        }
        if (host == null || host.isBlank() || WILDCARDS.contains(host.trim())) {
            throw new IllegalArgumentException("host must be an address clients can reach (it is advertised to"
                    + " them), such as 127.0.0.1 or this machine's address, got '" + host + "'");
        }
        overrides = Map.copyOf(overrides);
    }

    private static final java.util.Set<String> WILDCARDS = java.util.Set.of("0.0.0.0", "::", "[::]", "*");
    private static final String CONTROLLER_HOST = "127.0.0.1";

    /** A node on free local ports. */
    public static KafkaNodeConfig onFreePorts(Path dataDir) {
        int[] ports = FreePorts.find(2);
        return new KafkaNodeConfig(dataDir, ports[0], ports[1], "127.0.0.1", Map.of());
    }

    public KafkaNodeConfig withOverrides(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(extra);
        return new KafkaNodeConfig(dataDir, port, controllerPort, host, merged);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public Path logDir() {
        return dataDir.resolve("kraft-logs");
    }

    public Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        String controller = CONTROLLER_HOST + ":" + controllerPort;
        p.setProperty("controller.quorum.bootstrap.servers", controller);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + controller);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir().toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        for (String topic : new String[] {"offsets.topic", "transaction.state.log", "share.coordinator.state.topic"}) {
            p.setProperty(topic + ".replication.factor", "1");
        }
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        // small footprint: a 256 MB heap is enough
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        overrides.forEach(p::setProperty);
        return p;
    }
}
