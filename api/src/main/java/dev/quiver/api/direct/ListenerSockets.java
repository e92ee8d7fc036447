package dev.quiver.api.direct;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Stops a Vert.x 4 HTTP server accepting connections while the connections it already has keep serving: Vert.x's
 * own {@code close()} closes those too (in-flight requests included), which would fail requests at every hand-off
 * of a direct address. This closes only the listening socket (the Netty server channel the server bound); the
 * server's full {@code close()} later closes what is left. With {@code SO_REUSEPORT} and
 * {@code net.ipv4.tcp_migrate_req=1} the connections queued on the closed socket move to another listener of the
 * port. Reflection (no compile-time Vert.x here): it names Vert.x 4.5's {@code TCPServerBase} fields
 * {@code actualServer} and {@code bindFuture}; Vert.x 5 has {@code HttpServer.shutdown} for this.
 */
public final class ListenerSockets {
    private ListenerSockets() {}

    /**
     * Closes the listening socket of {@code server} (a Vert.x {@code HttpServer} or {@code NetServer}).
     *
     * @return false when this Vert.x has not the expected fields (then the caller closes the server as a whole)
     */
    public static boolean closeListeningSocket(Object server) {
        try {
            ClassLoader loader = server.getClass().getClassLoader();
            Class<?> base = Class.forName("io.vertx.core.net.impl.TCPServerBase", false, loader);
            if (!base.isInstance(server)) {
                return false;
            }
            Object actual = field(base, "actualServer").get(server);
            Object bound = field(base, "bindFuture").get(actual == null ? server : actual);
            if (bound == null) {
                return false;
            }
            Method result = Class.forName("io.vertx.core.Future", false, loader).getMethod("result");
            Object channel = result.invoke(bound);
            if (channel == null) {
                return false;
            }
            Class<?> outbound = Class.forName("io.netty.channel.ChannelOutboundInvoker", false, loader);
            outbound.getMethod("close").invoke(channel);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
