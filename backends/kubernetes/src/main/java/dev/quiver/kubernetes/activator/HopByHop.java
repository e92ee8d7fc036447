package dev.quiver.kubernetes.activator;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers that belong to one connection and are not forwarded by a proxy (RFC 9110 7.6.1): the fixed list, and
 * every header the {@code Connection} header names. {@code Host} is set by the proxy for the new connection;
 * {@code Expect: 100-continue} is answered by the activator itself (the body is then streamed on), not forwarded.
 */
public final class HopByHop {
    static final Set<String> FIXED = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "expect");

    private HopByHop() {
    }

    /** The lowercase names to drop, given the message's {@code Connection} header values (may be empty). */
    public static Set<String> dropped(Iterable<String> connectionValues) {
        Set<String> out = new TreeSet<>(FIXED);
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
}
