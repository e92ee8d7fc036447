package dev.quiver.local.supervise;

import java.nio.file.Path;
import java.util.List;

/**
 * A process the platform starts and supervises.
 *
 * @param command the full command line (java launcher first)
 * @param log stdout and stderr, appended across restarts
 */
public record Component(String name, List<String> command, Path log, Readiness readiness) {
    public Component {
        command = List.copyOf(command);
    }
}
