package dev.quiver.cli.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the lines a log file gained since the last call (the platform's start-up progress). */
final class LogFollower {
    private static final Pattern SUPERVISOR = Pattern.compile("\\[(?:[a-z]+\\.)*Supervisor\\] (?:\\([^)]*\\) )?(.*)$");

    private final Path file;
    private long offset;
    private String partial = "";

    LogFollower(Path file) {
        this.file = file;
    }

    List<String> newLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length <= offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (length - offset)];
            f.seek(offset);
            f.readFully(bytes);
            offset = length;
            String text = partial + new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            partial = text.substring(end + 1);
            return end < 0 ? List.of() : text.substring(0, end).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The message of a supervisor log line ({@code kafka ready (2817 ms)}), if it is one. */
    static Optional<String> supervisorLine(String line) {
        Matcher m = SUPERVISOR.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
