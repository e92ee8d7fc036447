package dev.quiver.scaler.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms} or a plain number of seconds. */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {}

    /** @throws IllegalArgumentException naming the accepted forms when {@code value} is not a duration */
    public static Duration parse(Object value) {
        if (value instanceof Number n) {
            return ofSeconds(n.doubleValue(), value);
        }
        if (value instanceof String s) {
            Matcher m = TEXT.matcher(s.trim());
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofNanos(Math.round(amount * 1_000_000d));
                    case "m" -> ofSeconds(amount * 60, value);
                    case "h" -> ofSeconds(amount * 3600, value);
                    default -> ofSeconds(amount, value);
                };
            }
        }
        throw new IllegalArgumentException("must be a duration such as 30s, 2m, 1h, 500ms or a number of seconds");
    }

    private static Duration ofSeconds(double seconds, Object original) {
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("must be a duration >= 0");
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    /** Formats a duration the way users write it: {@code 30s}, {@code 2m}, {@code 1.5s}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis / 1000d + "s";
    }
}
