package dev.quiver.local.launch;

import dev.quiver.api.jdk.JdkRelease;
import java.nio.file.Path;

/**
 * One JVM: its launcher, its home (null when unknown) and its runtime version as {@code java.runtime.version}
 * gives it ({@code 17.0.15+6-Debian-1deb12u1}, {@code 25.0.1+8-LTS}; empty when unknown).
 */
public record JvmBuild(String java, Path home, String version) {

    public static JvmBuild inHome(Path home, String version) {
        return new JvmBuild(home.resolve("bin").resolve("java").toString(), home, version);
    }

    /** The feature release (17, 25), or 0 when the version is unknown. */
    public int feature() {
        return feature(version);
    }

    static int feature(String version) {
        return JdkRelease.feature(version);
    }

    /** {@code jdk17}, {@code jdk25}, or {@code jvm} when the version is unknown. */
    public String label() {
        int f = feature();
        return f == 0 ? "jvm" : "jdk" + f;
    }

    /** What a message shows: the version, or the launcher when unknown. */
    public String describe() {
        return version == null || version.isEmpty() ? java : "JDK " + version;
    }
}
