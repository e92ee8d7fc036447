package dev.quiver.local.launch;

import dev.quiver.api.jdk.JvmArchivesFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launch decision knows about a runner jar's directory: the keys of {@code quiver-jvm.properties}
 * (empty when there is none), the jar's modification time and those of the files present beside it.
 *
 * @param files file name (relative to {@code dir}) to modification time, epoch ms, for the files that exist
 */
public record ArtifactFacts(Path dir, Map<String, String> metadata, long jarMillis, Map<String, Long> files) {
    public static final String METADATA = JvmArchivesFile.NAME;
    public static final String APPCDS_DEFAULT = JvmArchivesFile.Kind.APPCDS.defaultFile();
    public static final String AOT_DEFAULT = JvmArchivesFile.Kind.AOT.defaultFile();

    public ArtifactFacts {
        metadata = Map.copyOf(metadata);
        files = Map.copyOf(files);
    }

    public Optional<String> get(String key) {
        return JvmArchivesFile.get(metadata, key);
    }

    public boolean exists(String file) {
        return files.containsKey(file);
    }

    /** Older than the jar: made by an earlier build. */
    public boolean stale(String file) {
        Long m = files.get(file);
        return m != null && m < jarMillis;
    }

    public Path absolute(String file) {
        return dir.resolve(file).toAbsolutePath().normalize();
    }
}
