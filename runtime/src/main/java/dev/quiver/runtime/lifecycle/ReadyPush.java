package dev.quiver.runtime.lifecycle;

import dev.quiver.api.ready.ReadySignal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tells the platform that spawned this instance that it is ready ({@link ReadySignal}), so the platform need not poll.
 * Without the platform's variables in the environment it does nothing; a failure is logged and the platform's
 * fallback poll finds the instance ready anyway.
 */
final class ReadyPush {
    private static final Logger LOG = Logger.getLogger(ReadyPush.class);
    private static final int CONNECT_TIMEOUT_MS = 1000;

    private ReadyPush() {}

    static void send(Map<String, String> env, int httpPort) {
        Optional<ReadySignal> signal;
        try {
            signal = ReadySignal.fromEnv(env);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Not pushing readiness: %s", e.getMessage());
            return;
        }
        signal.ifPresent(s -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(s.host(), s.port()), CONNECT_TIMEOUT_MS);
                OutputStream out = socket.getOutputStream();
                out.write(s.line(httpPort));
                out.flush();
            } catch (IOException e) {
                LOG.warnf("Could not push readiness to %s:%d (%s); the platform polls instead", s.host(), s.port(), e);
            }
        });
    }
}
