package dev.quiver.local.registry.revision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The revisions of the functions deployed through the control API, kept in {@code <data>/revisions/}: each one's
 * directory {@code <fn>-0000N/} holds {@code revision.json} and its copy of the code; {@code <fn>.traffic.json} each
 * function's traffic. A restarted platform finds them again. Thread-safe (one writer at a time).
 */
public final class RevisionStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    public RevisionStore(Path dir) {
        this.dir = dir;
    }

    public static RevisionStore inDataDir(Path dataDir) {
        return new RevisionStore(dataDir.resolve("revisions"));
    }

    public Path dir() {
        return dir;
    }

    /** The function's revisions, oldest first. */
    public synchronized List<Revision> revisions(String function) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Revision> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith(function + "-"))
                    .toList()) {
                Path json = d.resolve("revision.json");
                if (Files.isRegularFile(json)) {
                    Revision r = read(json);
                    if (r.function().equals(function)) {
                        out.add(r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the revisions in " + dir, e);
        }
        out.sort(Comparator.comparingInt(Revision::number));
        return out;
    }

    public Optional<Revision> latest(String function) {
        List<Revision> all = revisions(function);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Makes the function's next revision: copies the code, then writes its record (last, so a crash leaves none). */
    public synchronized Revision create(
            String function, Path artifact, String digest, String config, String spec, Instant now) {
        Optional<Revision> previous = latest(function);
        int number = previous.map(Revision::number).orElse(0) + 1;
        String name = Revision.name(function, number);
        Path home = dir.resolve(name);
        try {
            if (Files.exists(home)) {
                deleteTree(home);
            }
            Path previousApp = previous.map(p -> artifact(p).getParent()).orElse(null);
            Path copied = AppCopy.copy(artifact, home.resolve("app"), previousApp);
            Revision r = new Revision(
                    name,
                    function,
                    number,
                    now,
                    digest,
                    config,
                    "app/" + copied.toString().replace('\\', '/'),
                    spec);
            write(home.resolve("revision.json"), toJson(r));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store revision " + name + " in " + home, e);
        }
    }

    /** The revision's own copy of the code. */
    public Path artifact(Revision r) {
        return dir.resolve(r.name()).resolve(r.artifact());
    }

    public synchronized void delete(Revision r) {
        deleteTree(dir.resolve(r.name()));
    }

    /** Forgets the function: its revisions and its traffic. */
    public synchronized void deleteAll(String function) {
        revisions(function).forEach(this::delete);
        try {
            Files.deleteIfExists(trafficFile(function));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized Optional<TrafficState> traffic(String function) {
        Path f = trafficFile(function);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), TrafficState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    public synchronized void saveTraffic(String function, TrafficState state) {
        try {
            write(trafficFile(function), JSON.writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the traffic of " + function + " in " + dir, e);
        }
    }

    private Path trafficFile(String function) {
        return dir.resolve(function + ".traffic.json");
    }

    private static String toJson(Revision r) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("function", r.function());
        m.put("number", r.number());
        m.put("created", r.created().toString());
        m.put("digest", r.digest());
        m.put("config", r.config());
        m.put("artifact", r.artifact());
        m.put("spec", r.spec());
        return JSON.writeValueAsString(m);
    }

    private static Revision read(Path json) throws IOException {
        Map<?, ?> m = JSON.readValue(json.toFile(), Map.class);
        return new Revision(
                (String) m.get("name"),
                (String) m.get("function"),
                ((Number) m.get("number")).intValue(),
                Instant.parse((String) m.get("created")),
                (String) m.get("digest"),
                (String) m.get("config"),
                (String) m.get("artifact"),
                (String) m.get("spec"));
    }

    private void write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".rev-", ".tmp");
        try {
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
