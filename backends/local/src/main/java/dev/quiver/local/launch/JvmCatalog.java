package dev.quiver.local.launch;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds installed JVMs on disk: a home's version from its {@code release} file ({@code JAVA_RUNTIME_VERSION}), a
 * launcher's home by following it ({@code /usr/bin/java} -> {@code /usr/lib/jvm/.../bin/java}). Results are cached
 * for a few seconds (a JDK can be installed while the platform runs).
 */
public final class JvmCatalog {
    private static final long TTL_NANOS = 10_000_000_000L;
    private final Map<Path, Cached> homes = new ConcurrentHashMap<>();

    private record Cached(Optional<JvmBuild> jvm, long at) {
    }

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

    /** The JVM a launcher (a path, or a name on the PATH) belongs to; its version is empty when unknown. */
    public JvmBuild ofLauncher(String java) {
        Optional<Path> exe = resolve(java);
        if (exe.isPresent() && exe.get().getParent() != null && exe.get().getParent().getParent() != null) {
            Path home = exe.get().getParent().getParent();
            Optional<JvmBuild> jvm = at(home);
            if (jvm.isPresent()) {
                return new JvmBuild(java, home, jvm.get().version());
            }
        }
        return new JvmBuild(java, null, "");
    }

    /** The JVM running the platform. */
    public static JvmBuild current() {
        Path home = Path.of(System.getProperty("java.home"));
        return JvmBuild.inHome(home, System.getProperty("java.runtime.version", ""));
    }

    private static Optional<JvmBuild> read(Path home) {
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(home.resolve("release"))) {
            p.load(r);
        } catch (IOException e) {
            return Optional.of(JvmBuild.inHome(home, ""));
        }
        String v = p.getProperty("JAVA_RUNTIME_VERSION", p.getProperty("JAVA_VERSION", ""));
        return Optional.of(JvmBuild.inHome(home, unquote(v)));
    }

    static String unquote(String v) {
        String t = v.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static Optional<Path> resolve(String java) {
        try {
            Path p = Path.of(java);
            if (p.getParent() == null) {
                String path = System.getenv().getOrDefault("PATH", "");
                for (String dir : path.split(File.pathSeparator)) {
                    Path candidate = Path.of(dir).resolve(java);
                    if (Files.isExecutable(candidate)) {
                        return Optional.of(candidate.toRealPath());
                    }
                }
                return Optional.empty();
            }
            return Files.isExecutable(p) ? Optional.of(p.toRealPath()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
