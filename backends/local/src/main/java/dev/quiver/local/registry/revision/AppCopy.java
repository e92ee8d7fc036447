package dev.quiver.local.registry.revision;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A revision's own copy of its code, so that a later rebuild cannot change it. A Quarkus fast-jar's
 * {@code quarkus-app/} is hard-linked file by file where the file system allows (Quarkus rebuilds that directory
 * from scratch, so the old files stay as they are), else copied; a single jar or binary is copied (a build may
 * rewrite it in place). Times and permissions are kept (a JVM ignores a CDS/AOT archive whose jars changed time).
 */
final class AppCopy {
    private AppCopy() {}

    /** @return the copy's artifact, relative to {@code into} */
    static Path copy(Path artifact, Path into) throws IOException {
        Files.createDirectories(into);
        Path dir = ContentDigest.appDir(artifact);
        if (dir == null) {
            Path target = into.resolve(artifact.getFileName().toString());
            Files.copy(artifact, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            return into.relativize(target);
        }
        Path app = into.resolve("quarkus-app");
        for (Path f : ContentDigest.files(dir)) {
            Path target = app.resolve(dir.relativize(f).toString());
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, f);
            } catch (FileAlreadyExistsException e) {
                Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return into.relativize(app.resolve("quarkus-run.jar"));
    }
}
