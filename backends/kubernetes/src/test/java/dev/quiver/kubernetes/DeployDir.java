package dev.quiver.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code deploy/} is: the surefire property {@code quiver.deploy.dir}, else relative to the module. */
public final class DeployDir {
    private DeployDir() {}

    public static Path get() {
        String p = System.getProperty("quiver.deploy.dir");
        Path dir = p != null ? Path.of(p) : Path.of("../../deploy");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("deploy/ not found at " + dir.toAbsolutePath());
        }
        return dir.normalize();
    }

    public static Path crds() {
        return get().resolve("base/crds");
    }
}
