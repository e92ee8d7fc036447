package dev.quiver.cli.commands;

import dev.quiver.api.control.ControlClient;
import dev.quiver.cli.Ports;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Create or update functions from YAML specs (see functions-examples/specs/*.yaml).",
            "A directory deploys each of its *.yaml / *.yml files. $${QUIVER_<NAME>_PORT} in a spec (S3, BROKER, "
                    + "KAFKA, ACTIVATOR) becomes the platform's port."
        })
public class DeployCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "<dir|file.yaml>", description = "Specs or directories of specs.")
    List<Path> paths;

    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        List<Path> files = files(paths);
        return deploy(s, target.control(s), files);
    }

    static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.toString().endsWith(".yaml")
                                    || f.toString().endsWith(".yml"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw QuiverException.failed("cannot read " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw QuiverException.usage("deploy: no such file or directory: " + p);
            }
        }
        if (files.isEmpty()) {
            throw QuiverException.usage("deploy: no *.yaml in " + paths);
        }
        return files;
    }

    /** Deploys each file; 0 when all were accepted, else 1 (each rejection printed with its problems). */
    public static int deploy(Session s, ControlClient control, List<Path> paths) {
        Ports ports = s.ports();
        int failed = 0;
        for (Path f : files(paths)) {
            String doc;
            try {
                doc = substitute(Files.readString(f), ports, secrets(s));
            } catch (IOException e) {
                throw QuiverException.failed("cannot read " + f + ": " + e.getMessage());
            }
            ControlClient.DeployResult r = control.deploy(doc);
            if (r.ok()) {
                s.console().line((r.created() ? "created  " : "updated  ") + f);
                if (r.function() != null && r.function().direct() != null) {
                    s.console()
                            .line("         " + r.function().name() + " direct address: "
                                    + r.function().direct().url());
                }
            } else {
                failed = 1;
                s.console().err().println("FAILED   " + f + " (HTTP " + r.status() + ")");
                r.rejection().problems().forEach(p -> s.console().err().println("    " + p));
            }
        }
        return failed;
    }

    /**
     * The object store's credentials a function needs to write to it (the thumbnail example): the ones
     * {@link dev.quiver.cli.Credentials#s3} finds, as {@code QUIVER_S3_ACCESS_KEY} / {@code QUIVER_S3_SECRET_KEY}.
     */
    static java.util.Map<String, String> secrets(Session s) {
        return secrets(s.workspace(), s.env());
    }

    /** The same for a workspace and an environment (the demo's deploys). */
    public static java.util.Map<String, String> secrets(
            dev.quiver.cli.Workspace ws, java.util.Map<String, String> env) {
        return dev.quiver.cli.Credentials.s3(ws, env)
                .map(k -> java.util.Map.of("QUIVER_S3_ACCESS_KEY", k[0], "QUIVER_S3_SECRET_KEY", k[1]))
                .orElse(java.util.Map.of());
    }

    static String substitute(String spec, Ports ports) {
        return substitute(spec, ports, java.util.Map.of());
    }

    /** Fills in {@code ${QUIVER_<NAME>_PORT}} with the platform's ports and {@code ${QUIVER_<NAME>}} from {@code values}. */
    public static String substitute(String spec, Ports ports, java.util.Map<String, String> values) {
        String out = spec;
        for (var e : ports.asMap().entrySet()) {
            out = out.replace("${QUIVER_" + e.getKey() + "_PORT}", Integer.toString(e.getValue()));
        }
        for (var e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
