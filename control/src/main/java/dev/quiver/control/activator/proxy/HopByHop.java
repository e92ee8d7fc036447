package dev.quiver.control.activator.proxy;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers that belong to one connection and are not forwarded by a proxy (RFC 9110 7.6.1), either way: the fixed
 * list, and every header the {@code Connection} header names. {@code Host} is set by the proxy for the new
 * connection; {@code Expect: 100-continue} is answered by the activator itself, not forwarded.
 */
public final class HopByHop {
    static final Set<String> FIXED = caseInsensitive(List.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "expect"));

    private HopByHop() {}

    /** The names to drop (compared ignoring case), given the message's {@code Connection} header values. */
    public static Set<String> dropped(Iterable<String> connectionValues) {
        Set<String> out = caseInsensitive(FIXED);
        for (String v : connectionValues) {
            for (String token : v.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Copies the end-to-end headers of {@code from} into {@code to} (no allocation per header). */
    public static void copy(MultiMap from, MultiMap to) {
        // most messages have no Connection header: no set is made for them, and each name is checked against the
        // fixed list by its length and one equalsIgnoreCase (no tree walk with case-folding compares per header)
        if (from.contains("connection")) {
            Set<String> drop = dropped(from.getAll("connection"));
            for (var h : from) {
                if (!drop.contains(h.getKey())) {
                    to.add(h.getKey(), h.getValue());
                }
            }
            return;
        }
        for (var h : from) {
            if (!fixed(h.getKey())) {
                to.add(h.getKey(), h.getValue());
            }
        }
    }

    /** Whether the name is one of {@link #FIXED}, ignoring case; the same answer as {@code FIXED.contains}. */
    static boolean fixed(String name) {
        return switch (name.length()) {
            case 2 -> "te".equalsIgnoreCase(name);
            case 4 -> "host".equalsIgnoreCase(name);
            case 6 -> "expect".equalsIgnoreCase(name);
            case 7 -> "trailer".equalsIgnoreCase(name) || "upgrade".equalsIgnoreCase(name);
            case 10 -> "connection".equalsIgnoreCase(name) || "keep-alive".equalsIgnoreCase(name);
            case 16 -> "proxy-connection".equalsIgnoreCase(name);
            case 17 -> "transfer-encoding".equalsIgnoreCase(name);
            case 18 -> "proxy-authenticate".equalsIgnoreCase(name);
            case 19 -> "proxy-authorization".equalsIgnoreCase(name);
            default -> false;
        };
    }

    private static Set<String> caseInsensitive(java.util.Collection<String> names) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        out.addAll(names);
        return out;
    }
}
