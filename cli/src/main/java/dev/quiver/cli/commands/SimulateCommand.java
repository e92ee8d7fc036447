package dev.quiver.cli.commands;

import dev.quiver.cli.Builds;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.LocalPlatform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(
        name = "simulate",
        description = {
            "Run the scaler core on a function spec and a traffic trace (the scaler simulator, "
                    + "scaler/simulator; built when stale). Its own options:",
            "  quiver simulate --function spec.yaml --trace trace.jsonl [--out decisions.jsonl] [--svg chart.svg]",
            "  quiver simulate --help   (the simulator's help); examples: scaler/examples/, docs/scaler.md"
        })
public class SimulateCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session s = Session.current();
        Builds builds = new Builds(s.workspace(), s.console());
        builds.ensure(List.of(builds.simulator()));
        List<String> cmd = new ArrayList<>(List.of(
                LocalPlatform.javaLauncher(),
                "-jar",
                s.workspace().simulatorJar().toString(),
                "simulate"));
        cmd.addAll(args);
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw QuiverException.failed("cannot run the simulator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
    }
}
