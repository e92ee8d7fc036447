package dev.quiver.local.registry.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's code identified by content, not by path: the SHA-256 of a runner jar or native binary, or of a Quarkus
 * fast-jar's whole {@code quarkus-app/} directory (every regular file's relative path and bytes, in sorted order).
 */
public final class ContentDigest {
    private ContentDigest() {}

    /**
     * The directory that is the code: a Quarkus fast-jar's app directory ({@code quarkus-app/}, or a copy of it under
     * another name) for its {@code quarkus-run.jar}, else null.
     */
    public static Path appDir(Path artifact) {
        Path parent = artifact.toAbsolutePath().getParent();
        return artifact.getFileName().toString().equals("quarkus-run.jar") && parent != null ? parent : null;
    }

    /** {@code sha256:<hex>} of the artifact, or of its app directory. */
    public static String of(Path artifact) {
        Path dir = appDir(artifact);
        MessageDigest md = sha256();
        try {
            if (dir == null) {
                add(md, artifact);
            } else {
                for (Path f : files(dir)) {
                    md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    add(md, f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact + " to digest it", e);
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** The regular files under {@code dir}, sorted by relative path. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .sorted((a, b) -> dir.relativize(a)
                            .toString()
                            .compareTo(dir.relativize(b).toString()))
                    .toList();
        }
    }

    private static void add(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
