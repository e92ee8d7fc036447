package dev.quiver.cli.commands;

import dev.quiver.api.control.ControlClient;
import dev.quiver.cli.Console;
import dev.quiver.cli.Credentials;
import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.Ports;
import dev.quiver.cli.Session;
import dev.quiver.cli.demo.DemoScenario;
import dev.quiver.cli.demo.DemoSummary;
import dev.quiver.cli.demo.StepResult;
import dev.quiver.cli.platform.LocalPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The mission end to end: build what is missing, start the platform (unless running), deploy "
                    + "the example functions, then check step by step: a request at zero served by the warm pool; a "
                    + "burst -> panic scale-up; a broker event; an upload -> thumbnail; 10,000 orders -> scale-out on "
                    + "lag and back to zero; idle -> scale to zero; the warm pool again.",
            "Prints a summary, writes <data dir>/demo-report.html, exits 0 only if every step did what it claims, "
                    + "stops what it started."
        })
public class DemoCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    @Option(names = "--keep", description = "Leave the platform running.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        localOnly.check("demo");
        Session s = Session.current();
        return run(s, keep).passed() ? 0 : 1;
    }

    /** What a demo run checked, and where its report is. */
    public record Outcome(List<StepResult> results, Path report) {
        public boolean passed() {
            return DemoSummary.passed(results);
        }
    }

    /** Starts the platform unless it runs, runs the scenario, prints the summary, writes the report. */
    public static Outcome run(Session s, boolean keep) throws Exception {
        Console c = s.console();
        LocalPlatform platform = new LocalPlatform(s.workspace(), c);
        boolean started = false;
        Ports ports;
        if (platform.process().isPresent()) {
            ports = s.ports();
            c.step("Using the running platform (" + ports.controlUrl() + ")");
        } else {
            Files.deleteIfExists(s.workspace().portsFile());
            ports = Ports.resolve(s.env(), s.workspace().portsFile());
            UpCommand.start(s, ports, Duration.ofSeconds(300));
            started = true;
        }
        try {
            DemoScenario scenario = new DemoScenario(s.workspace(), ports, c, s.env());
            List<StepResult> results;
            try {
                results = scenario.run();
            } catch (RuntimeException e) {
                c.err().println("quiver: the demo stopped: " + e.getMessage());
                results = scenario.results();
            }
            return summarize(s, ports, results, started && keep);
        } finally {
            if (started && !keep) {
                c.step("Stopping the platform");
                platform.stop(Duration.ofSeconds(120));
            }
        }
    }

    private static Outcome summarize(Session s, Ports ports, List<StepResult> results, boolean kept) {
        Console c = s.console();
        ControlClient control = new ControlClient(
                ports.controlUrl(), Duration.ofSeconds(30), Credentials.controlToken(s.workspace(), s.env(), null));
        Path report = s.workspace().dataDir().resolve("demo-report.html");
        String table = "";
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, control.report());
            table = control.table();
        } catch (RuntimeException | java.io.IOException e) {
            c.err().println("quiver: no report: " + e.getMessage());
        }
        c.step("Summary");
        c.out().print(DemoSummary.table(results));
        c.out().print(DemoSummary.coldStarts(table));
        c.detail("report (instances, concurrency, lag, cold starts): " + report);
        if (kept) {
            c.detail("the platform keeps running: quiver status; quiver down");
        }
        boolean passed = DemoSummary.passed(results);
        c.bold(passed ? "Demo passed." : "Demo FAILED (see above).");
        return new Outcome(results, report);
    }
}
