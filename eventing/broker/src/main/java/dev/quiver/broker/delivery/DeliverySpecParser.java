package dev.quiver.broker.delivery;

import dev.quiver.api.retry.BackoffPolicy;
import dev.quiver.api.retry.RetrySchedule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a {@link DeliverySpec} from text settings (configuration or a Trigger's YAML), with errors that name the
 * key, the rule and the bad value.
 */
public final class DeliverySpecParser {

    private DeliverySpecParser() {}

    /** @param prefix the key prefix for messages, e.g. {@code quiver.broker.delivery.} or {@code spec.delivery.} */
    public static DeliverySpec parse(
            String prefix,
            int retry,
            String backoffPolicy,
            String backoffDelay,
            String timeout,
            String retryAfterMax,
            Optional<String> deadLetterSink) {
        if (retry < 0) {
            throw new InvalidSettingException(prefix + "retry", "must be >= 0", retry);
        }
        BackoffPolicy policy;
        try {
            policy = BackoffPolicy.valueOf(backoffPolicy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(prefix + "backoffPolicy", "must be linear or exponential", backoffPolicy);
        }
        Duration delay = duration(prefix + "backoffDelay", backoffDelay, true);
        if (delay.compareTo(RetrySchedule.UNBOUNDED) > 0) {
            throw new InvalidSettingException(
                    prefix + "backoffDelay", "must be at most " + RetrySchedule.UNBOUNDED, backoffDelay);
        }
        Duration attemptTimeout = duration(prefix + "timeout", timeout, false);
        Duration cap = duration(prefix + "retryAfterMax", retryAfterMax, true);
        Optional<DeadLetterSink> sink = deadLetterSink.filter(s -> !s.isBlank()).map(s -> {
            try {
                return DeadLetterSink.parse(s.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(prefix + "deadLetterSink", e.getMessage(), s);
            }
        });
        return new DeliverySpec(retry, policy, delay, attemptTimeout, cap, sink);
    }

    static Duration duration(String key, String value, boolean zeroAllowed) {
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidSettingException(key, "must be an ISO-8601 duration such as PT0.5S", value);
        }
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new InvalidSettingException(key, zeroAllowed ? "must not be negative" : "must be positive", value);
        }
        return d;
    }
}
