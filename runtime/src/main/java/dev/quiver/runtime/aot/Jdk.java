package dev.quiver.runtime.aot;

import dev.quiver.api.jdk.JavaHome;
import dev.quiver.api.jdk.JdkRelease;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JDK installation as its {@code release} file describes it.
 *
 * @param home           the JDK's home directory
 * @param feature        the feature release (17, 25, ...)
 * @param runtimeVersion {@code JAVA_RUNTIME_VERSION} (what {@code java.runtime.version} says in that JVM)
 */
public record Jdk(Path home, int feature, String runtimeVersion) {

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /**
     * The JDK at {@code home}, read by the shared {@link JdkRelease} reader; empty when it is not one (no
     * {@code bin/java}, no {@code release} file, or no {@code JAVA_VERSION} in it).
     */
    public static Optional<Jdk> read(Path home) {
        return JavaHome.at(home)
                .flatMap(h -> h.release()
                        .filter(r -> !r.version().isEmpty())
                        .filter(r -> r.feature() > 0)
                        .map(r -> new Jdk(h.home(), r.feature(), r.runtimeVersion())));
    }
}
