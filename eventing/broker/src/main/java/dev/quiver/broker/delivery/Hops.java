package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.math.BigInteger;

/** The reply-loop guard: each reply carries one more hop than the event it answered. */
public final class Hops {

    /** Extension attribute holding the hop count. */
    public static final String EXTENSION = "quiverhops";

    private Hops() {}

    /** The event's hop count; 0 when absent, not a number or negative. */
    public static int of(CloudEvent event) {
        return parse(event.getExtension(EXTENSION), Integer.MAX_VALUE);
    }

    /**
     * The hop count a client may bring into the broker: an integer from 0 to {@code maxHops} is kept, a larger one
     * is lowered to {@code maxHops} (its replies are dropped, as the client asked), anything else (negative, not a
     * number, beyond a long) is reset to 0. So every event in the broker has 0..maxHops hops and a reply loop stops
     * after at most {@code maxHops} replies, whatever a client sent.
     */
    public static CloudEvent atIngress(CloudEvent event, int maxHops) {
        Object raw = event.getExtension(EXTENSION);
        if (raw == null) {
            return event;
        }
        int clamped = parse(raw, maxHops);
        if (clamped < 0) {
            clamped = 0;
        }
        if (raw instanceof Integer i && i == clamped) {
            return event;
        }
        return CloudEventBuilder.from(event).withExtension(EXTENSION, clamped).build();
    }

    /** @param ceiling what a number above it becomes */
    private static int parse(Object value, int ceiling) {
        if (value == null) {
            return 0;
        }
        BigInteger n;
        try {
            n = new BigInteger(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        if (n.signum() < 0) {
            return 0;
        }
        return n.compareTo(BigInteger.valueOf(ceiling)) > 0 ? ceiling : n.intValue();
    }
}
