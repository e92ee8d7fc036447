package dev.quiver.local.supervise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A process the platform starts and supervises.
 *
 * @param command the full command line (java launcher first)
 * @param log stdout and stderr, appended across restarts
 * @param env added to the process's environment: settings a process may not know (an environment variable no
 *            setting reads is ignored, an unknown {@code -D} setting stops a Quarkus app) and secrets (not on the
 *            command line, which {@code ps} shows)
 */
public record Component(String name, List<String> command, Path log, Readiness readiness, Map<String, String> env) {
    public Component {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    public Component(String name, List<String> command, Path log, Readiness readiness) {
        this(name, command, log, readiness, Map.of());
    }
}
