package dev.quiver.cli.commands;

import dev.quiver.cli.Builds;
import dev.quiver.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build everything the commands need (the platform, broker, sources, kafka-local, the example "
                + "functions, the simulator; tests skipped): only what is stale, or everything with --all.")
public class BuildCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Build even what is up to date.")
    boolean all;

    @Override
    public Integer call() {
        Session s = Session.current();
        Builds b = new Builds(s.workspace(), s.console());
        List<Builds.Artifact> artifacts = new ArrayList<>(b.everything());
        artifacts.add(b.simulator());
        if (all) {
            b.build(artifacts.stream().map(Builds.Artifact::module).distinct().toList());
        } else {
            b.ensure(artifacts);
            s.console().line("up to date");
        }
        return 0;
    }
}
