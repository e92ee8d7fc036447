package dev.quiver.local.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which start-up archive an instance may use: the fastest usable ({@code auto}), only one kind, or none. */
public enum Archive {
    AUTO,
    AOT,
    APPCDS,
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Archive> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.key().equals(value)).findFirst();
    }

    /** "auto, aot, appcds, none", for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Archive::key).collect(Collectors.joining(", "));
    }
}
