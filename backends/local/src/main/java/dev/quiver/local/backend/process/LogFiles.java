package dev.quiver.local.backend.process;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Each instance's log file is new: {@code <id>-<UTC start time>.log} (a {@code -2}, {@code -3}... suffix when that
 * name is taken), created exclusively, so that an instance id used again (after a platform restart, say) never
 * truncates or appends to an older instance's log.
 */
final class LogFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LogFiles() {}

    /** Creates and returns a new, empty log file for instance {@code id} started at {@code now} in {@code dir}. */
    static Path create(Path dir, String id, Instant now) throws IOException {
        Files.createDirectories(dir);
        String base = id + "-" + STAMP.format(now);
        for (int n = 1; ; n++) {
            Path p = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".log");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // taken: the next suffix
            }
        }
    }
}
