package dev.quiver.local.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** The deployed function definitions by name. Thread-safe. */
public final class FunctionRegistry {
    private final ConcurrentSkipListMap<String, FunctionDefinition> functions = new ConcurrentSkipListMap<>();
    private final FunctionReader reader;

    public FunctionRegistry(FunctionReader reader) {
        this.reader = reader;
    }

    public FunctionReader reader() {
        return reader;
    }

    /** @return the definition it replaced, if any */
    public Optional<FunctionDefinition> put(FunctionDefinition f) {
        return Optional.ofNullable(functions.put(f.name(), f));
    }

    public Optional<FunctionDefinition> get(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Optional<FunctionDefinition> remove(String name) {
        return Optional.ofNullable(functions.remove(name));
    }

    public Collection<FunctionDefinition> all() {
        return List.copyOf(functions.values());
    }

    /** Reads every {@code *.yaml}/{@code *.yml} of a directory, or the one file given; errors name the file. */
    public List<FunctionDefinition> readAll(Path dirOrFile) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> s = Files.list(dirOrFile)) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            files.add(dirOrFile);
        }
        List<FunctionDefinition> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(reader.read(f));
            } catch (InvalidFunctionException e) {
                e.problems().forEach(p -> errors.add(f.getFileName() + ": " + p));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFunctionException(errors);
        }
        return out;
    }
}
