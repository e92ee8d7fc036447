package dev.quiver.local.backend.process;

import dev.quiver.api.ready.ReadySignal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * The loopback port instances push "ready" to ({@link ReadySignal}): one per backend, one accepting thread. Each
 * spawn registers a fresh one-time token; the first line carrying it completes that instance's readiness and
 * forgets the token. Lines with an unknown token are dropped (and logged at debug).
 */
final class ReadyListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReadyListener.class);
    private static final int READ_TIMEOUT_MS = 1000;

    private final ServerSocket server;
    private final Map<String, IntConsumer> waiting = new ConcurrentHashMap<>();
    private final Thread acceptor;

    ReadyListener() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for instances' ready signals on loopback", e);
        }
        acceptor = new Thread(this::acceptLoop, "quiver-ready-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A fresh signal for an instance about to be spawned; {@code onReady} gets the HTTP port it reports. */
    ReadySignal expect(IntConsumer onReady) {
        ReadySignal signal = ReadySignal.fresh(server.getInetAddress().getHostAddress(), server.getLocalPort());
        waiting.put(signal.token(), onReady);
        return signal;
    }

    /** The instance is ready or gone some other way: its token is no longer accepted. */
    void forget(ReadySignal signal) {
        waiting.remove(signal.token());
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(READ_TIMEOUT_MS);
                ReadySignal.Line.parse(readLine(s.getInputStream()))
                        .ifPresentOrElse(
                                line -> {
                                    IntConsumer onReady = waiting.remove(line.token());
                                    if (onReady == null) {
                                        LOG.debug("ready signal with an unknown or used token dropped");
                                    } else {
                                        onReady.accept(line.httpPort());
                                    }
                                },
                                () -> LOG.debug("malformed ready signal dropped"));
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    LOG.debugf("ready signal connection failed: %s", e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf("ready signal dropped: %s", e.toString());
            }
        }
    }

    /** One line of at most {@link ReadySignal#MAX_LINE} bytes; what arrived before EOF if no newline. */
    private static String readLine(InputStream in) throws IOException {
        byte[] buf = new byte[ReadySignal.MAX_LINE];
        int n = 0;
        while (n < buf.length) {
            int b = in.read();
            if (b < 0 || b == '\n') {
                break;
            }
            buf[n++] = (byte) b;
        }
        return new String(buf, 0, n, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debugf("closing the ready listener: %s", e.getMessage());
        }
    }
}
