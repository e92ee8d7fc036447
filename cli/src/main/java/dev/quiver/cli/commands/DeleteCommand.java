package dev.quiver.cli.commands;

import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a function (its instances drain).")
public class DeleteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<function>")
    String function;

    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        if (!target.control(s).delete(function)) {
            throw QuiverException.failed("no function '" + function + "' is deployed");
        }
        s.console().line("deleted  " + function);
        return 0;
    }
}
