package dev.quiver.cli.commands;

import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "The last lines of a platform process's log (platform, kafka, broker, sources: files under "
                + "<data dir>/logs), or of a function's instances (through the control API).")
public class LogsCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    static final Set<String> PROCESSES = Set.of("platform", "kafka", "broker", "sources");

    @Parameters(paramLabel = "<function|platform|kafka|broker|sources>")
    String what;

    @Option(
            names = {"-n", "--lines"},
            defaultValue = "50",
            description = "Lines. Default ${DEFAULT-VALUE}.")
    int lines;

    @Override
    public Integer call() {
        localOnly.check("logs");
        Session s = Session.current();
        if (lines < 1) {
            throw QuiverException.usage("logs: --lines must be >= 1, was " + lines);
        }
        if (PROCESSES.contains(what)) {
            Path log = s.workspace().log(what);
            if (!Files.isRegularFile(log)) {
                throw QuiverException.failed(
                        "no " + what + " log in " + s.workspace().logs());
            }
            s.console().out().print(tail(log, lines));
            return 0;
        }
        String text = new Target()
                .control(s)
                .logs(what, lines)
                .orElseThrow(() -> QuiverException.failed("no function '" + what + "' is deployed"));
        s.console().out().print(text);
        return 0;
    }

    static String tail(Path log, int lines) {
        ArrayDeque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            all.forEach(l -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(l);
            });
        } catch (IOException e) {
            throw QuiverException.failed("cannot read " + log + ": " + e.getMessage());
        }
        return last.isEmpty() ? "" : String.join("\n", last) + "\n";
    }
}
