package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.scaler.spec.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which Broker resources the broker Deployment can serve (pure): the broker app (eventing/broker) serves the names
 * in {@code quiver.broker.names} (DNS labels other than {@code admin} and {@code q}), each on the topic
 * {@code quiver-broker-<name>}, with partitions and replication factor set for the whole Deployment.
 *
 * @param served     valid broker names, sorted: the value of {@code QUIVER_BROKER_NAMES} (comma-separated)
 * @param violations per invalid Broker's name, what is wrong with it
 */
public record BrokerNames(Set<String> served, Map<String, List<Violation>> violations) {
    /** The broker app's topic prefix (its {@code quiver.broker.topic-prefix} default). */
    public static final String TOPIC_PREFIX = "quiver-broker-";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of("admin", "q");

    public static BrokerNames of(List<Broker> brokers) {
        Set<String> served = new TreeSet<>();
        Map<String, List<Violation>> invalid = new LinkedHashMap<>();
        for (Broker b : brokers) {
            List<Violation> v = check(b);
            if (v.isEmpty()) {
                served.add(b.getMetadata().getName());
            } else {
                invalid.put(b.getMetadata().getName(), v);
            }
        }
        return new BrokerNames(Set.copyOf(served), Map.copyOf(invalid));
    }

    /** The environment value: sorted names, comma-separated (empty when none). */
    public String value() {
        return String.join(",", new TreeSet<>(served));
    }

    static List<Violation> check(Broker b) {
        List<Violation> out = new ArrayList<>();
        String name = b.getMetadata().getName();
        if (!DNS_LABEL.matcher(name).matches()) {
            out.add(new Violation(
                    "metadata.name", "must be a DNS label (lowercase letters, digits, '-', at most 63)", name));
        } else if (RESERVED.contains(name)) {
            out.add(new Violation("metadata.name", "must not be admin or q (paths of the broker's own API)", name));
        }
        String topic = b.getSpec() == null ? null : b.getSpec().getTopic();
        if (topic != null && !topic.equals(TOPIC_PREFIX + name)) {
            out.add(new Violation(
                    "spec.topic",
                    "must be " + TOPIC_PREFIX + name
                            + " (the broker names each topic quiver-broker-<name>) or be left out",
                    topic));
        }
        return out;
    }
}
