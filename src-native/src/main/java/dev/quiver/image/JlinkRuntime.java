package dev.quiver.image;

import dev.quiver.api.jdk.JavaHome;
import dev.quiver.api.jdk.JdkRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Java runtime made by {@code jlink} from a JDK (by default the one running this tool), with only the given
 * modules, its own default CDS archive, and no debug symbols, headers or man pages. Kept in the cache directory,
 * keyed by the JDK's release file and the module list, so a second build reuses it.
 */
public final class JlinkRuntime {

    private JlinkRuntime() {}

    public static Path create(Path jdk, List<String> modules, Path cache, ImageLog log)
            throws IOException, InterruptedException {
        JdkRelease release = check(jdk);
        Path jlink = jdk.resolve("bin/jlink");
        Path output = cache.resolve("jre-" + key(release.keys() + "\n" + String.join(",", modules)));
        if (Files.isExecutable(output.resolve("bin/java"))) {
            log.info("runtime: reusing " + output + " (" + release.describe() + ")");
            return output;
        }
        Files.createDirectories(cache);
        Path partial = cache.resolve(
                output.getFileName() + ".partial-" + ProcessHandle.current().pid());
        deleteRecursively(partial);
        List<String> command = new ArrayList<>(List.of(
                jlink.toString(),
                "--add-modules",
                String.join(",", modules),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--generate-cds-archive",
                "--output",
                partial.toString()));
        log.info("runtime: jlink " + release.describe() + " with " + String.join(",", modules));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jlink failed: " + String.join(" ", command) + "\n" + out.strip());
        }
        try {
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(output.resolve("bin/java"))) {
                throw e;
            }
            deleteRecursively(partial); // another build made the same runtime meanwhile
        }
        return output;
    }

    /**
     * The JDK's release (the shared {@link JdkRelease} reader), after checking it can make runtimes.
     *
     * @throws IllegalStateException naming the directory: not a Java home, a JRE (no jlink), no jmods/, no release
     */
    static JdkRelease check(Path jdk) {
        JavaHome home = JavaHome.at(jdk)
                .orElseThrow(
                        () -> new IllegalStateException("--jdk " + jdk + " is not a Java installation (no bin/java)"));
        if (!Files.isExecutable(home.home().resolve("bin/jlink"))) {
            throw new IllegalStateException("no jlink in " + jdk + " (--jdk must be a JDK, not a JRE)");
        }
        if (!home.canJlink()) {
            throw new IllegalStateException("the JDK " + jdk + " has no jmods/ directory, which jlink needs "
                    + "(Debian/Ubuntu: apt-get install openjdk-<version>-jmods)");
        }
        return home.release()
                .orElseThrow(() -> new IllegalStateException(
                        "the JDK " + jdk + " has no readable release file (the runtime cache is keyed by it)"));
    }

    private static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p :
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
