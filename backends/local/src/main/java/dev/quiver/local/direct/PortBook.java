package dev.quiver.local.direct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Which direct port each function has: given once from a range (the lowest port no other function has and nothing
 * else listens on), then kept in {@code <data-dir>/direct-ports.properties} so that a function keeps its address
 * across platform restarts. The choice itself is {@link #pick}, pure. Not thread-safe: the loop's thread uses it.
 */
public final class PortBook {
    private final Path file;
    private final int first;
    private final int last;
    private final IntPredicate free;
    private final Map<String, Integer> ports = new TreeMap<>();

    /** @param free whether nothing listens on a port now (checked before a port is given) */
    public PortBook(Path file, int first, int last, IntPredicate free) {
        this.file = file;
        this.first = first;
        this.last = last;
        this.free = free;
        load();
    }

    /**
     * The lowest port of {@code first..last} that {@code taken} does not hold and {@code free} accepts.
     *
     * @return empty when the range is used up
     */
    public static Optional<Integer> pick(int first, int last, java.util.Collection<Integer> taken, IntPredicate free) {
        for (int p = first; p <= last; p++) {
            if (!taken.contains(p) && free.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The function's port, given now when it has none. */
    public int port(String function) {
        Integer p = ports.get(function);
        if (p != null) {
            return p;
        }
        int given = pick(first, last, ports.values(), free)
                .orElseThrow(() -> new IllegalStateException("no free direct port left in " + first + ".." + last
                        + " (quiver.platform.direct.first-port / last-port)"));
        ports.put(function, given);
        save();
        return given;
    }

    /** The function's port if it has one. */
    public Optional<Integer> known(String function) {
        return Optional.ofNullable(ports.get(function));
    }

    /** Gives the function's port back (the function was deleted). */
    public void release(String function) {
        if (ports.remove(function) != null) {
            save();
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        p.forEach((k, v) -> {
            try {
                ports.put(k.toString(), Integer.parseInt(v.toString().trim()));
            } catch (NumberFormatException e) {
                // a damaged line: the function gets a new port
            }
        });
    }

    private void save() {
        Properties p = new Properties();
        ports.forEach((k, v) -> p.setProperty(k, Integer.toString(v)));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(tmp)) {
                p.store(out, "direct port of each function (quiver.platform.direct)");
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
