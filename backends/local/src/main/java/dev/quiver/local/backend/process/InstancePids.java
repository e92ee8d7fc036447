package dev.quiver.local.backend.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The instances' PIDs, recorded in {@code <data>/instances/<id>.pid} as {@code <pid> <start time>} (the start time in
 * clock ticks since boot, field 22 of {@code /proc/<pid>/stat}, so that a PID reused by another process is never
 * taken for the instance), removed when the instance exits. {@link #reap} stops the instances a platform that died
 * without stopping them (SIGKILL, a crash) left behind: SIGTERM, then SIGKILL after a grace.
 */
public final class InstancePids {
    private static final Logger LOG = Logger.getLogger(InstancePids.class);
    private final Path dir;

    public InstancePids(Path dir) {
        this.dir = dir;
    }

    public static InstancePids inDataDir(Path dataDir) {
        return new InstancePids(dataDir.resolve("instances"));
    }

    /** Records a started instance's PID and start time. */
    public void record(String id, long pid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                file(id), pid + " " + startTime(pid).map(String::valueOf).orElse("-") + System.lineSeparator());
    }

    /** Forgets an instance that exited. */
    public void forget(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            LOG.warnf("cannot remove %s: %s", file(id), e.getMessage());
        }
    }

    /**
     * Stops every recorded instance still running (the same process: its start time matches) and removes the records.
     *
     * @return the PIDs it stopped
     */
    public List<Long> reap(Duration grace) {
        List<Long> reaped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return reaped;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("cannot list %s: %s", dir, e.getMessage());
            return reaped;
        }
        List<ProcessHandle> stopping = new ArrayList<>();
        for (Path f : files) {
            alive(f).ifPresent(h -> {
                LOG.warnf("stopping instance process %d left by a previous platform (%s)", h.pid(), f.getFileName());
                h.descendants().forEach(ProcessHandle::destroy);
                h.destroy();
                stopping.add(h);
                reaped.add(h.pid());
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : stopping) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        }
        files.forEach(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warnf("cannot remove %s: %s", f, e.getMessage());
            }
        });
        return reaped;
    }

    /** The recorded process when it is still the same one. */
    private static Optional<ProcessHandle> alive(Path f) {
        try {
            String[] parts = Files.readString(f).strip().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (h.isEmpty()) {
                return h;
            }
            if (parts.length > 1 && !parts[1].equals("-")) {
                long recorded = Long.parseLong(parts[1]);
                if (startTime(pid).map(t -> t != recorded).orElse(true)) {
                    return Optional.empty(); // the PID now belongs to another process
                }
            }
            return h;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("ignoring unreadable %s: %s", f, e.getMessage());
            return Optional.empty();
        }
    }

    /** Field 22 of {@code /proc/<pid>/stat} (after the parenthesized command name), empty when unavailable. */
    static Optional<Long> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(rest[19]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".pid");
    }
}
