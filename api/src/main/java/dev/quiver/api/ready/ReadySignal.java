package dev.quiver.api.ready;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * How an instance tells the platform that spawned it "I am ready" by a push instead of being polled: the platform
 * listens on a loopback port and gives each instance {@value #ADDRESS_ENV} ({@code 127.0.0.1:<port>}) and a one-time
 * {@value #TOKEN_ENV} in its environment; the runtime, the moment its HTTP server listens and its warm-up is done,
 * connects there and writes one line, {@code <token> <http port>\n}. The platform accepts the line once per token.
 * An instance without these variables (on Kubernetes, or started by hand) pushes nothing; an app that does not push
 * (a bare Quarkus app) is found ready by the platform's fallback poll.
 *
 * @param host loopback address the platform listens on
 * @param port its port
 * @param token one-time secret naming the instance
 */
public record ReadySignal(String host, int port, String token) {
    public static final String ADDRESS_ENV = "QUIVER_READY_ADDRESS";
    public static final String TOKEN_ENV = "QUIVER_READY_TOKEN";
    /** Longest line the platform reads (a token and a port). */
    public static final int MAX_LINE = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    public ReadySignal {
        if (token == null || token.isBlank() || token.contains(" ")) {
            throw new IllegalArgumentException(TOKEN_ENV + " must be a non-blank word, got '" + token + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException(ADDRESS_ENV + " has a bad port: " + port);
        }
    }

    /** A fresh signal with a random 128-bit token, for an instance about to be spawned. */
    public static ReadySignal fresh(String host, int port) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new ReadySignal(host, port, HexFormat.of().formatHex(b));
    }

    /** The variables to put in the instance's environment. */
    public Map<String, String> env() {
        return Map.of(ADDRESS_ENV, host + ":" + port, TOKEN_ENV, token);
    }

    /** Read back from an instance's environment; empty when the platform offered no push. */
    public static Optional<ReadySignal> fromEnv(Map<String, String> env) {
        String address = env.get(ADDRESS_ENV);
        String token = env.get(TOKEN_ENV);
        if (address == null || address.isBlank() || token == null) {
            return Optional.empty();
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(ADDRESS_ENV + " must be host:port, got '" + address + "'");
        }
        try {
            return Optional.of(new ReadySignal(
                    address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)), token));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ADDRESS_ENV + " must be host:port, got '" + address + "'", e);
        }
    }

    /** The line the instance writes once ready. */
    public byte[] line(int httpPort) {
        return (token + " " + httpPort + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A line the platform read: the token and the HTTP port the instance says it listens on. */
    public record Line(String token, int httpPort) {
        /** Parses {@code <token> <port>}; empty for anything else. */
        public static Optional<Line> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.strip().split(" ");
            if (parts.length != 2 || parts[0].isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Line(parts[0], Integer.parseInt(parts[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
