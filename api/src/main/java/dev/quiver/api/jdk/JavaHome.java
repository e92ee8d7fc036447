package dev.quiver.api.jdk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Java installation on disk: its home, what its {@code release} file says (empty when there is none), and what it
 * holds. A JRE has {@code bin/java} but no {@code bin/javac}; a JDK that can make runtimes has {@code bin/jlink}
 * and {@code jmods/}.
 */
public record JavaHome(Path home, Optional<JdkRelease> release) {

    /** The installation at {@code home}: empty when it has no executable {@code bin/java}. */
    public static Optional<JavaHome> at(Path home) {
        Path h = home.toAbsolutePath().normalize();
        if (!Files.isExecutable(h.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return Optional.of(new JavaHome(h, JdkRelease.read(h)));
    }

    /**
     * The installation a launcher belongs to: a path to {@code bin/java} or a name looked up on {@code path}
     * (the {@code PATH} value). Symbolic links are followed first, so {@code /usr/bin/java} (a link through
     * {@code /etc/alternatives}) gives {@code /usr/lib/jvm/<jdk>}. Empty when the launcher is not found or is not
     * inside a {@code <home>/bin/}.
     */
    public static Optional<JavaHome> ofLauncher(String java, String path) {
        return launcher(java, path).flatMap(exe -> {
            Path bin = exe.getParent();
            return bin == null || bin.getParent() == null ? Optional.empty() : at(bin.getParent());
        });
    }

    static Optional<Path> launcher(String java, String path) {
        try {
            Path p = Path.of(java);
            if (p.getParent() == null) {
                for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                    if (dir.isEmpty()) {
                        continue;
                    }
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

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** {@code JAVA_RUNTIME_VERSION} (else {@code JAVA_VERSION}); empty when unknown. */
    public String runtimeVersion() {
        return release.map(JdkRelease::runtimeVersion).orElse("");
    }

    public int feature() {
        return release.map(JdkRelease::feature).orElse(0);
    }

    /** A full JDK (has {@code bin/javac}), not a JRE. */
    public boolean isJdk() {
        return Files.isExecutable(home.resolve("bin").resolve("javac"));
    }

    /** Can make runtimes with {@code jlink}: {@code bin/jlink} and {@code jmods/} are there. */
    public boolean canJlink() {
        return Files.isExecutable(home.resolve("bin").resolve("jlink")) && Files.isDirectory(home.resolve("jmods"));
    }
}
