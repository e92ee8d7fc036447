package dev.quiver.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quiver.api.control.ControlClient;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.api.control.InstanceStatus;
import dev.quiver.cli.Console;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "The functions table (as ls), or one function: its figures, instances and the scaler's " + "reasons.",
            "Scripts: --json, or --field <path> for one value (e.g. ready, warm, lag, "
                    + "instances.0.pid, coldStartText)."
        })
public class StatusCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "0..1", paramLabel = "<function>")
    String function;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(
            names = "--field",
            paramLabel = "<path>",
            description = "Print a field of the function's status (dotted path; list index as a number); repeat "
                    + "it for several, printed on one line separated by spaces.")
    List<String> fields;

    @Mixin
    Target target;

    @Override
    public Integer call() throws Exception {
        Session s = Session.current();
        if (fields != null && function == null) {
            throw QuiverException.usage("status: --field needs a function");
        }
        ControlClient control = target.control(s);
        if (function == null) {
            s.console().out().print(json ? JSON.writeValueAsString(control.functions()) + "\n" : control.table());
            return 0;
        }
        FunctionStatus f = control.function(function)
                .orElseThrow(() -> QuiverException.failed("no function '" + function + "' is deployed"));
        if (fields != null) {
            s.console()
                    .line(String.join(" ", fields.stream().map(p -> field(f, p)).toList()));
        } else if (json) {
            s.console().line(JSON.writeValueAsString(f));
        } else {
            s.console().out().print(render(f));
            control.revisions(function).ifPresent(r -> s.console().out().print(traffic(r)));
        }
        return 0;
    }

    /** The traffic line of a function's status: each serving revision's share and tags. */
    static String traffic(dev.quiver.api.control.FunctionRevisions r) {
        List<String> parts = new ArrayList<>();
        for (dev.quiver.api.control.RevisionStatus v : r.revisions()) {
            if (v.percent() > 0 || !v.tags().isEmpty()) {
                parts.add(v.name() + " " + v.percent() + "%"
                        + (v.tags().isEmpty() ? "" : " @" + String.join(",@", v.tags()))
                        + (v.latest() ? " (latest)" : ""));
            }
        }
        return parts.isEmpty() ? "" : "  traffic: " + String.join(", ", parts) + "\n";
    }

    /** One value of the status by a dotted path ({@code instances.0.pid}); exit 2 naming the unknown part. */
    static String field(FunctionStatus f, String path) {
        JsonNode node = JSON.valueToTree(f);
        for (String part : path.split("\\.")) {
            JsonNode next =
                    node.isArray() && part.matches("[0-9]+") ? node.get(Integer.parseInt(part)) : node.get(part);
            if (next == null) {
                throw QuiverException.usage("status: no field '" + part + "' in '" + path + "'"
                        + (node.isObject() ? " (fields: " + String.join(", ", iterable(node)) + ")" : ""));
            }
            node = next;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String render(FunctionStatus f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.name()).append("  (").append(f.artifact()).append(")\n");
        sb.append(Console.table(
                List.of(
                        new String[] {
                            "ready",
                            i(f.ready()),
                            "warm",
                            i(f.warm()),
                            "starting",
                            i(f.starting()),
                            "desired",
                            i(f.desired())
                        },
                        new String[] {
                            "mode",
                            f.mode(),
                            "panic",
                            f.panicking() ? "yes" : "no",
                            "concurrency",
                            num(f.concurrency()),
                            "rps",
                            num(f.rps())
                        },
                        new String[] {
                            "lag",
                            f.lag() < 0 ? "-" : i(f.lag()),
                            "queued",
                            i(f.queued()),
                            "cold starts",
                            i(f.coldStarts()),
                            "promotions",
                            i(f.promotions())
                        },
                        new String[] {
                            "warm starts",
                            i(f.warmStarts()),
                            "crashes",
                            i(f.crashes()),
                            "launch",
                            String.valueOf(f.launch()),
                            "",
                            ""
                        }),
                "  "));
        if (f.launchReason() != null && !f.launchReason().isBlank()) {
            sb.append("  launch: ").append(f.launchReason()).append('\n');
        }
        if (f.coldStartText() != null && !f.coldStartText().isBlank()) {
            sb.append("  requests at no capacity: ").append(f.coldStartText()).append('\n');
        }
        if (f.direct() != null) {
            sb.append("  direct: ").append(f.direct().line()).append('\n');
        }
        if (f.trigger() != null) {
            sb.append("  broker trigger: ").append(f.trigger().line()).append('\n');
        }
        if (f.lastCrash() != null && !f.lastCrash().isBlank()) {
            sb.append("  last crash: ").append(f.lastCrash()).append('\n');
        }
        if (!f.reasons().isEmpty()) {
            sb.append("  scaler:\n");
            f.reasons().forEach(r -> sb.append("    ").append(r).append('\n'));
        }
        if (!f.instances().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {
                "INSTANCE",
                "ROLE",
                "STATE",
                "PORT",
                "PID",
                "IN-FLIGHT",
                "CONCURRENCY",
                "REQUESTS",
                "STARTUP-MS",
                "LAUNCH",
                "LOG"
            });
            for (InstanceStatus in : f.instances()) {
                rows.add(new String[] {
                    in.id(),
                    in.role(),
                    in.state(),
                    i(in.port()),
                    i(in.pid()),
                    i(in.inFlight()),
                    num(in.concurrency()),
                    i(in.requests()),
                    in.startupMillis() < 0 ? "-" : i(in.startupMillis()),
                    String.valueOf(in.launch()),
                    String.valueOf(in.log())
                });
            }
            sb.append("  instances:\n").append(Console.table(rows, "    "));
        }
        return sb.toString();
    }

    private static String i(long v) {
        return Long.toString(v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}
