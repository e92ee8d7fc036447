package dev.quiver.local.launch;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the JVM's own complaint about its start-up archive in an instance's output: unified-logging lines of the
 * {@code cds} or {@code aot} tags at warning or error level ({@code [0.03s][error][aot] Unable to map shared
 * spaces}, {@code [warning][cds,dynamic] Unable to use shared archive ...}): the first warning and the first error.
 */
public final class ArchiveLog {
    private static final Pattern LINE = Pattern.compile("\\[(warning|error)\\s*]\\[(cds|aot)[a-z,]*]\\s*(.*)");

    private ArchiveLog() {}

    public static Optional<String> rejection(List<String> lines) {
        String warning = null;
        String error = null;
        for (String line : lines) {
            var m = LINE.matcher(line);
            if (m.find()) {
                String text = "[" + m.group(2) + "] " + m.group(3).trim();
                if (m.group(1).equals("error") && error == null) {
                    error = text;
                } else if (m.group(1).equals("warning") && warning == null) {
                    warning = text;
                }
            }
        }
        if (warning != null && error != null) {
            return Optional.of(warning + " / " + error);
        }
        return Optional.ofNullable(warning != null ? warning : error);
    }
}
