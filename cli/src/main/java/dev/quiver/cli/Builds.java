package dev.quiver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds what a command needs when it is missing or older than its sources: {@code ./mvnw -B install -DskipTests
 * -pl <modules> -am}, the module Maven is building shown as it goes, the log in {@code <data dir>/build.log}.
 */
public final class Builds {
    private static final Pattern BUILDING = Pattern.compile("^\\[INFO\\] (Building .+ \\[[0-9]+/[0-9]+\\])");

    /** A built file, the module that builds it, and the source directories it is made from. */
    public record Artifact(String module, Path built, List<String> sources) {}

    private final Workspace ws;
    private final Console console;

    public Builds(Workspace ws, Console console) {
        this.ws = ws;
        this.console = console;
    }

    public Artifact platform() {
        return new Artifact(
                "backends/local",
                ws.platformJar(),
                List.of("backends/local/src/main", "scaler/core/src/main", "control/src/main", "api/src/main"));
    }

    public Artifact broker() {
        return new Artifact("eventing/broker", ws.brokerJar(), List.of("eventing/broker/src/main", "api/src/main"));
    }

    public Artifact kafkaLocal() {
        return new Artifact("eventing/kafka-local", ws.kafkaLocalMarker(), List.of("eventing/kafka-local/src/main"));
    }

    public Artifact sources() {
        return new Artifact("eventing/sources", ws.sourcesJar(), List.of("eventing/sources/src/main"));
    }

    public Artifact example(String name) {
        return new Artifact(
                "functions-examples/" + name,
                ws.example(name),
                List.of("functions-examples/" + name + "/src/main", "runtime/src/main"));
    }

    public Artifact simulator() {
        return new Artifact(
                "scaler/simulator", ws.simulatorJar(), List.of("scaler/core/src/main", "scaler/simulator/src/main"));
    }

    /** Everything {@code up} and {@code demo} start. */
    public List<Artifact> everything() {
        return List.of(
                platform(),
                broker(),
                kafkaLocal(),
                sources(),
                example("hello"),
                example("thumbnail"),
                example("orders"));
    }

    /** Builds the stale ones (in one Maven run). */
    public void ensure(List<Artifact> artifacts) {
        if ("false".equals(System.getProperty("quiver.build", "true"))) { // the artifacts are built by someone else
            List<String> missing = artifacts.stream()
                    .filter(a -> !Files.isRegularFile(a.built()))
                    .map(Artifact::module)
                    .distinct()
                    .toList();
            if (!missing.isEmpty()) {
                throw QuiverException.failed("not built (and -Dquiver.build=false): " + String.join(", ", missing)
                        + "; build them: ./mvnw -B install -DskipTests -pl " + String.join(",", missing) + " -am");
            }
            return;
        }
        List<String> modules = artifacts.stream()
                .filter(this::stale)
                .map(Artifact::module)
                .distinct()
                .toList();
        if (!modules.isEmpty()) {
            build(modules);
        }
    }

    public boolean stale(Artifact a) {
        if (!Files.isRegularFile(a.built())) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(a.built());
            for (String dir : a.sources()) {
                Path d = ws.root().resolve(dir);
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(d)) {
                    if (files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public void build(List<String> modules) {
        String list = String.join(",", modules);
        console.step("Building " + list + " (first run downloads dependencies; a few minutes)");
        Path log = ws.dataDir().resolve("build.log");
        List<String> cmd = new ArrayList<>(
                List.of(ws.root().resolve("mvnw").toString(), "-B", "install", "-DskipTests", "-pl", list, "-am"));
        String repo = System.getenv("QUIVER_MAVEN_OPTS");
        if (repo != null && !repo.isBlank()) {
            cmd.addAll(2, List.of(repo.trim().split("\\s+")));
        }
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd)
                    .directory(ws.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            String last = "";
            while (!p.waitFor(1, TimeUnit.SECONDS)) {
                last = showProgress(log, last);
            }
            showProgress(log, last);
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(console.err()::println);
                throw QuiverException.failed("the build failed; full log: " + log);
            }
            console.detail("done");
        } catch (IOException e) {
            throw QuiverException.failed("cannot run " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted while building");
        }
    }

    private String showProgress(Path log, String last) throws IOException {
        String current = last;
        try (Stream<String> lines = Files.lines(log)) {
            for (String l : (Iterable<String>) lines::iterator) {
                Matcher m = BUILDING.matcher(l);
                if (m.find()) {
                    current = m.group(1);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            return last;
        }
        if (!current.equals(last)) {
            console.detail(current.replaceAll("\\s+", " "));
        }
        return current;
    }

    private static boolean newer(Path f, FileTime than) {
        try {
            return Files.getLastModifiedTime(f).compareTo(than) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
