package dev.quiver.local.launch;

import dev.quiver.api.jdk.JavaHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds installed JVMs on disk: a home's version from its {@code release} file ({@code JAVA_RUNTIME_VERSION}), a
 * launcher's home by following it ({@code /usr/bin/java} -> {@code /usr/lib/jvm/.../bin/java}). Results are cached
 * for a few seconds (a JDK can be installed while the platform runs).
 */
public final class JvmCatalog {
    private static final long TTL_NANOS = 10_000_000_000L;
    private final Map<Path, Cached> homes = new ConcurrentHashMap<>();

    private record Cached(Optional<JvmBuild> jvm, long at) {}

    /** The JVM installed at {@code home}: empty when there is no {@code bin/java}. */
    public Optional<JvmBuild> at(Path home) {
        Path h = home.toAbsolutePath().normalize();
        Cached c = homes.get(h);
        long now = System.nanoTime();
        if (c == null || now - c.at > TTL_NANOS) {
            c = new Cached(read(h), now);
            homes.put(h, c);
        }
        return c.jvm;
    }

    /** The JVM a launcher (a path, or a name on the PATH; symbolic links followed) belongs to; its version is empty when unknown. */
    public JvmBuild ofLauncher(String java) {
        return JavaHome.ofLauncher(java, System.getenv().getOrDefault("PATH", ""))
                .flatMap(h -> at(h.home()))
                .map(jvm -> new JvmBuild(java, jvm.home(), jvm.version()))
                .orElseGet(() -> new JvmBuild(java, null, ""));
    }

    /** The JVM running the platform. */
    public static JvmBuild current() {
        Path home = Path.of(System.getProperty("java.home"));
        return JvmBuild.inHome(home, System.getProperty("java.runtime.version", ""));
    }

    /** Through the shared {@link JavaHome} reader: no release file means an unknown version. */
    private static Optional<JvmBuild> read(Path home) {
        return JavaHome.at(home).map(h -> JvmBuild.inHome(h.home(), h.runtimeVersion()));
    }
}
