package dev.quiver.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two bottom layers of an image built from scratch: {@code os} (the shared libraries the runtime needs, at
 * the paths ldd resolved, the dynamic loader among them; {@code /etc/passwd} and {@code /etc/group} naming the
 * app's user; a world-writable {@code /tmp} for Vert.x's file cache) and {@code jre} (the jlink runtime at
 * {@code /opt/java}).
 */
public final class ScratchBase {

    public static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");

    private ScratchBase() {}

    public static List<FileEntriesLayer> layers(
            Path runtime, List<SharedLibraries.Library> libraries, String user, Path work) throws IOException {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path empty = Files.createDirectories(work.resolve("empty"));
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        String gid = user.contains(":") ? user.substring(user.indexOf(':') + 1) : "0";
        String passwd = "root:x:0:0:root:/root:/sbin/nologin\n";
        String group = "root:x:0:\n";
        if (!uid.equals("0")) {
            if (!uid.matches("\\d+") || !gid.matches("\\d+")) {
                throw new IllegalArgumentException(
                        "--user must be numeric (uid or uid:gid) for a jlink base, but was '" + user + "'");
            }
            passwd += "quarkus:x:" + uid + ":" + gid + ":Quarkus app:/deployments:/sbin/nologin\n";
            if (!gid.equals("0")) {
                group += "quarkus:x:" + gid + ":\n";
            }
        }
        Files.writeString(etc.resolve("passwd"), passwd);
        Files.writeString(etc.resolve("group"), group);

        FileEntriesLayer.Builder os = FileEntriesLayer.builder().setName("os");
        for (SharedLibraries.Library library : libraries) {
            os.addEntry(
                    library.hostFile(),
                    AbsoluteUnixPath.get(library.imagePath()),
                    FilePermissions.fromOctalString("755"));
        }
        os.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"));
        os.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"));
        os.addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));

        FileEntriesLayer jre = FileEntriesLayer.builder()
                .setName("jre")
                .addEntryRecursive(runtime, JAVA_HOME, (source, target) -> hostPermissions(source))
                .build();
        return List.of(os.build(), jre);
    }

    private static FilePermissions hostPermissions(Path source) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
