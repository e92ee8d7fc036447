package dev.quiver.local.control;

import dev.quiver.local.security.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of each instance log of a function, newest instance last. */
final class Logs {
    private Logs() {}

    static String tail(Path dir, int lines) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".log"))
                    .sorted((a, b) -> Long.compare(modified(a), modified(b)))
                    .toList();
            for (Path f : files) {
                sb.append("==> ").append(f.getFileName()).append(" <==\n");
                ArrayDeque<String> last = new ArrayDeque<>();
                try (Stream<String> ls = Files.lines(f)) {
                    ls.forEach(l -> {
                        if (last.size() == Math.max(1, lines)) {
                            last.removeFirst();
                        }
                        last.addLast(l);
                    });
                }
                last.forEach(l -> sb.append(Redaction.line(l)).append('\n'));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            sb.append("(cannot read logs: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
