package dev.quiver.local.registry.revision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * A revision's own copy of its code, so that a later rebuild cannot change it (a build may rewrite a file in place,
 * which a hard link to the build's file would see). Each file of a Quarkus fast-jar's app directory is hard-linked to
 * the previous revision's copy when their contents are equal (the dependencies, mostly: copies are ours and never
 * rewritten), else copied from the build; a single jar or binary is copied. Times and permissions are kept (a JVM
 * ignores a CDS/AOT archive whose jars changed time).
 */
final class AppCopy {
    private AppCopy() {}

    /**
     * @param previous the previous revision's copy of the app directory, null when none
     * @return the copy's artifact, relative to {@code into}
     */
    static Path copy(Path artifact, Path into, Path previous) throws IOException {
        Files.createDirectories(into);
        Path dir = ContentDigest.appDir(artifact);
        if (dir == null) {
            Path target = into.resolve(artifact.getFileName().toString());
            Files.copy(artifact, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            return into.relativize(target);
        }
        Path app = into.resolve("quarkus-app");
        for (Path f : ContentDigest.files(dir)) {
            String rel = dir.relativize(f).toString();
            Path target = app.resolve(rel);
            Files.createDirectories(target.getParent());
            Path same = previous == null ? null : previous.resolve(rel);
            if (same != null && Files.isRegularFile(same) && equal(f, same) && link(target, same)) {
                continue;
            }
            Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
        return into.relativize(app.resolve("quarkus-run.jar"));
    }

    private static boolean link(Path target, Path existing) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean equal(Path a, Path b) throws IOException {
        return Files.size(a) == Files.size(b)
                && Files.getLastModifiedTime(a).toMillis()
                        == Files.getLastModifiedTime(b).toMillis()
                && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
