package dev.quiver.broker.kafka;

import dev.quiver.broker.config.BrokerSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The ingress producer's Kafka settings. Pure. Kafka's ack (or its failure) arrives within the send timeout:
 * {@code delivery.timeout.ms} = send timeout, and {@code request.timeout.ms} leaves room for {@code linger.ms}
 * (Kafka refuses delivery < linger + request). acks=all and idempotence are fixed: with them the producer keeps
 * per-partition order with up to 5 requests in flight, so sends need not wait for each other.
 */
public final class ProducerSettings {

    public static final String DEFAULT_LINGER_MS = "1";
    public static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;

    private ProducerSettings() {}

    public static Map<String, Object> of(BrokerSettings settings) {
        long timeout = settings.sendTimeout().toMillis();
        Map<String, String> extra = settings.producer();
        long linger = Long.parseLong(extra.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(linger));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeout, linger + 1)));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, timeout - linger)));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "quiver-broker-ingress");
        p.putAll(extra);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /** Bytes the producer may buffer before send() blocks ({@code buffer.memory}). */
    public static long bufferMemory(Map<String, Object> config) {
        Object v = config.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
        return v == null ? DEFAULT_BUFFER_MEMORY : Long.parseLong(v.toString());
    }
}
