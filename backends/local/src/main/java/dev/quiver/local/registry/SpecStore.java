package dev.quiver.local.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The specs deployed through the control API, kept in {@code <data>/functions/<name>.yaml} as the text deployed, so
 * that a restarted platform deploys them again. Each write is atomic (a temporary file moved over the old one).
 */
public final class SpecStore {
    private static final String SUFFIX = ".yaml";
    private final Path dir;

    /** @param dir the directory of stored specs, {@code <data>/functions} */
    public SpecStore(Path dir) {
        this.dir = dir;
    }

    public static SpecStore inDataDir(Path dataDir) {
        return new SpecStore(dataDir.resolve("functions"));
    }

    public Path dir() {
        return dir;
    }

    /** Stores {@code document} as the spec of {@code name}, replacing the previous one atomically. */
    public void save(String name, String document) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp");
            try {
                Files.writeString(tmp, document);
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the spec of " + name + " in " + dir, e);
        }
    }

    /** Forgets the spec of {@code name}; nothing happens when none is stored. */
    public void remove(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stored spec of " + name + " from " + dir, e);
        }
    }

    /** What {@link #restore} read: the definitions that still validate, and one line per spec skipped. */
    public record Restored(List<FunctionDefinition> functions, List<String> skipped) {}

    /**
     * Reads every stored spec. A spec that no longer validates (its artifact gone, a rule changed) is skipped and
     * named with its problems; so is one whose name differs from its file's.
     */
    public Restored restore(FunctionReader reader) {
        List<FunctionDefinition> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Restored(out, skipped);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stored specs in " + dir, e);
        }
        for (Path f : files) {
            String expected = f.getFileName().toString();
            expected = expected.substring(0, expected.length() - SUFFIX.length());
            try {
                FunctionDefinition d = reader.read(f);
                if (!d.name().equals(expected)) {
                    skipped.add(f + ": name \"" + d.name() + "\" differs from the file's \"" + expected + "\"");
                } else {
                    out.add(d);
                }
            } catch (InvalidFunctionException e) {
                skipped.add(f + ": " + String.join("; ", e.problems()));
            }
        }
        return new Restored(out, skipped);
    }

    /**
     * Every stored document as written, by name (the file's name): for stores of documents other than function
     * specs (the eventing objects, {@code dev.quiver.local.eventing}), read by their own reader.
     */
    public java.util.Map<String, String> readAllText() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                            && !p.getFileName().toString().startsWith("."))
                    .toList()) {
                String name = f.getFileName().toString();
                out.put(name.substring(0, name.length() - SUFFIX.length()), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored documents in " + dir, e);
        }
        return out;
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }
}
