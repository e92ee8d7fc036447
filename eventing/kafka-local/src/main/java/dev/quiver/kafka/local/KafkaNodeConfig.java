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
 * @param host           host the listeners bind to and advertise
 * @param overrides      extra broker settings, applied last
 */
public record KafkaNodeConfig(Path dataDir, int port, int controllerPort, String host, Map<String, String> overrides) {

    public KafkaNodeConfig {
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException("ports must be positive and distinct: port=" + port
                    + " controllerPort=" + controllerPort);
        }
        overrides = Map.copyOf(overrides);
    }

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
        p.setProperty("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
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
