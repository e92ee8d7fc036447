package dev.quiver.api.security;

import java.util.Locale;

/** Whether a bind address only accepts connections from this machine. Pure: no DNS look-up. */
public final class Loopback {

    private Loopback() {}

    /** @return true for {@code localhost}, {@code 127.x.y.z} and {@code ::1}; false for anything else */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
