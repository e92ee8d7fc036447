package dev.quiver.cli.commands;

import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.LocalPlatform;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stop the platform: its function instances drain, then it stops the sources, the broker and "
                + "Kafka it supervises.")
public class DownCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    @Option(
            names = "--grace",
            defaultValue = "120s",
            converter = DurationConverter.class,
            description = "Longest graceful stop before the platform is killed. Default ${DEFAULT-VALUE}.")
    Duration grace;

    @Override
    public Integer call() {
        localOnly.check("down");
        Session s = Session.current();
        LocalPlatform platform = new LocalPlatform(s.workspace(), s.console());
        if (platform.process().isEmpty()) {
            s.console().line("quiver: nothing is running");
            return 0;
        }
        s.console().step("Stopping the Quiver platform");
        platform.stop(grace);
        return 0;
    }
}
