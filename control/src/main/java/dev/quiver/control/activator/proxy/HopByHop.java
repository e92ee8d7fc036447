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
    private static final List<String> NAMES = List.of(
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
            "expect");

    static final Set<String> FIXED = caseInsensitive(NAMES);

    /** {@link #NAMES} grouped by length, for {@link #fixed}: one equalsIgnoreCase per candidate of the same length. */
    private static final String[][] BY_LENGTH = byLength(NAMES);

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
        if (name.length() >= BY_LENGTH.length) {
            return false;
        }
        for (String candidate : BY_LENGTH[name.length()]) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String[][] byLength(List<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        String[][] out = new String[longest + 1][];
        for (int n = 0; n <= longest; n++) {
            int length = n;
            out[n] = names.stream().filter(h -> h.length() == length).toArray(String[]::new);
        }
        return out;
    }

    private static Set<String> caseInsensitive(java.util.Collection<String> names) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        out.addAll(names);
        return out;
    }
}
