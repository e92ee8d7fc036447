package dev.quiver.cli.commands;

import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        description = "The functions: ready, warm, starting, desired, mode, concurrency, lag, cold starts, launch; "
                + "then the cold-start lines.")
public class LsCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        s.console().out().print(target.control(s).table());
        return 0;
    }
}
