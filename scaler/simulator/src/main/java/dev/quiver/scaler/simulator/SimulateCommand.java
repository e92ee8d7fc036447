package dev.quiver.scaler.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate --function spec.yaml --trace trace.jsonl [--out decisions.jsonl] [--svg chart.svg]}. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Replays a traffic trace through the scaler and prints one decision per tick (JSON lines).",
            "The spec is YAML (or JSON) with the Function resource's keys (name, triggers, scale, lag) and an "
                    + "optional simulation section (coldStartSeconds, warmStartSeconds, consumeRatePerInstance). "
                    + "Every setting and both formats: docs/scaler.md.",
            "The trace has one JSON object per line and second: {\"t\": 0, \"concurrency\": 12, \"rps\": 30, "
                    + "\"lag\": {\"0\": {\"end\": 120, \"committed\": 100}}}."
        },
        footer = {
            "",
            "Example:",
            "  quiver simulate --function scaler/examples/burst.yaml "
                    + "--trace scaler/examples/burst.jsonl --svg burst.svg"
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--function",
            required = true,
            paramLabel = "spec.yaml",
            description = "The function's scaling settings (YAML or JSON).")
    Path function;

    @Option(
            names = "--trace",
            required = true,
            paramLabel = "trace.jsonl",
            description = "Observed traffic, one JSON object per second.")
    Path trace;

    @Option(
            names = "--out",
            paramLabel = "decisions.jsonl",
            description = "Write the decisions here instead of standard output.")
    Path out;

    @Option(
            names = "--svg",
            paramLabel = "chart.svg",
            description = "Also draw concurrency, lag, desired, ready and warm instances over time.")
    Path svg;

    @Option(
            names = "--split",
            paramLabel = "<rev>=<percent>,...",
            description = "Replay the trace against a traffic split: each request goes to a revision by the weights "
                    + "(seeded), each revision is simulated on its own; output lines carry \"revision\".")
    String split;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            SpecFile.Loaded loaded = SpecFile.read(function);
            List<TraceLine> lines = TraceFile.read(trace);
            if (split != null) {
                return runSplit(loaded, lines);
            }
            List<Row> rows = Simulation.run(loaded.function(), loaded.simulation(), lines);
            if (out == null) {
                write(spec.commandLine().getOut(), rows);
            } else {
                try (Writer w = Files.newBufferedWriter(out)) {
                    write(w, rows);
                }
            }
            if (svg != null) {
                Files.writeString(svg, Chart.render(loaded.function(), lines, rows));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot write output: " + e.getMessage());
            return 1;
        }
    }

    private int runSplit(SpecFile.Loaded loaded, List<TraceLine> lines) throws IOException {
        Writer w = out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out);
        try {
            for (var e : TraceSplit.split(lines, TraceSplit.parse(split), 1).entrySet()) {
                for (Row r : Simulation.run(loaded.function(), loaded.simulation(), e.getValue())) {
                    w.write("{\"revision\":\"" + e.getKey() + "\","
                            + RowJson.line(r).substring(1));
                    w.write('\n');
                }
            }
            w.flush();
        } finally {
            if (out != null) {
                w.close();
            }
        }
        return 0;
    }

    private static void write(Writer w, List<Row> rows) throws IOException {
        for (Row r : rows) {
            w.write(RowJson.line(r));
            w.write('\n');
        }
        w.flush();
    }
}
