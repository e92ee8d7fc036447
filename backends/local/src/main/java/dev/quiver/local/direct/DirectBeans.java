package dev.quiver.local.direct;

import dev.quiver.control.activator.Activator;
import dev.quiver.control.activator.serve.DirectBindings;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.registry.FunctionRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/** Wires functions' direct addresses: settings, the activator's bindings, the port book and the hand-offs. */
@ApplicationScoped
public class DirectBeans {
    private static final Logger LOG = Logger.getLogger(DirectBeans.class);

    @Produces
    @Singleton
    DirectSettings settings(DirectConfig c, PlatformSettings s, Vertx vertx) {
        DirectSettings d = DirectSettings.from(c, s.security().bind());
        if (d.enabled() && !vertx.isNativeTransportEnabled()) {
            LOG.warn("Direct addresses are turned off: Vert.x runs without its native transport (needed for"
                    + " SO_REUSEPORT; quarkus.vertx.prefer-native-transport=true on Linux x86_64)");
            return new DirectSettings(false, d.host(), d.firstPort(), d.lastPort());
        }
        if (d.enabled()) {
            migrateWarning(readMigrate()).ifPresent(LOG::warn);
        }
        return d;
    }

    /** The kernel's {@code net.ipv4.tcp_migrate_req}, empty when it cannot be read (not Linux, older kernel). */
    static java.util.Optional<String> readMigrate() {
        try {
            return java.util.Optional.of(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_migrate_req"))
                            .strip());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The start-up warning for a {@code tcp_migrate_req} value; the platform never changes the host-wide setting. */
    static java.util.Optional<String> migrateWarning(java.util.Optional<String> value) {
        if (value.isPresent() && !value.get().equals("0")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("net.ipv4.tcp_migrate_req is " + value.orElse("unknown")
                + ": connections waiting to be accepted on a direct address are reset when an instance stops"
                + " accepting there (scale-down, roll); 'sysctl -w net.ipv4.tcp_migrate_req=1' moves them to another"
                + " listener (docs/platform.md, How to reach a function)");
    }

    @Produces
    @Singleton
    DirectBindings bindings(Vertx vertx, Activator activator, PlatformSettings s) {
        return new DirectBindings(vertx, activator, s.activator().servers());
    }

    @Produces
    @Singleton
    DirectAddresses addresses(
            DirectSettings d,
            PlatformSettings s,
            DirectBindings bindings,
            PublishedEndpoints endpoints,
            FunctionRegistry registry) {
        PortBook book = new PortBook(
                s.dataDir().resolve("direct-ports.properties"),
                d.firstPort(),
                d.lastPort(),
                port -> free(d.host(), port));
        return new DirectAddresses(
                d, book, bindings, endpoints, f -> registry.get(f).isPresent(), token());
    }

    /** Whether nothing listens on {@code host:port} (a bind without SO_REUSEPORT succeeds). */
    static boolean free(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh token per platform run: instances get it at launch, nothing else needs it. */
    static String token() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
