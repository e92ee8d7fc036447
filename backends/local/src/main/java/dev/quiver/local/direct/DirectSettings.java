package dev.quiver.local.direct;

import java.util.ArrayList;
import java.util.List;

/**
 * The validated direct-address settings; every error names the key, the rule and the bad value.
 *
 * @param enabled whether functions get direct addresses
 * @param host where direct ports listen
 * @param firstPort first port of the range ports are given from
 * @param lastPort last port of the range
 */
public record DirectSettings(boolean enabled, String host, int firstPort, int lastPort) {
    public static final DirectSettings OFF = new DirectSettings(false, "127.0.0.1", 19100, 19999);
    private static final String P = "quiver.platform.direct.";

    /** @param bind the platform's bind address ({@code quiver.platform.bind}), the default host */
    public static DirectSettings from(DirectConfig c, String bind) {
        List<String> errors = new ArrayList<>();
        check(
                errors,
                c.firstPort() >= 1024 && c.firstPort() <= 65535,
                "first-port",
                "must be 1024..65535",
                c.firstPort());
        check(errors, c.lastPort() >= 1024 && c.lastPort() <= 65535, "last-port", "must be 1024..65535", c.lastPort());
        check(
                errors,
                c.lastPort() >= c.firstPort(),
                "last-port",
                "must be >= first-port (" + c.firstPort() + ")",
                c.lastPort());
        String host = c.host().map(String::strip).filter(h -> !h.isEmpty()).orElse(bind);
        check(errors, !host.isBlank() && !host.contains(" "), "host", "must be an IP address or host name", host);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid Quiver platform configuration: " + String.join("; ", errors));
        }
        return new DirectSettings(c.enabled(), host, c.firstPort(), c.lastPort());
    }

    private static void check(List<String> errors, boolean ok, String key, String rule, Object value) {
        if (!ok) {
            errors.add(P + key + " " + rule + ", but was '" + value + "'");
        }
    }
}
