package dev.quiver.cli.commands;

import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete a function (its instances drain), or an eventing object deployed from a document:"
                + " <kind>/<name>, e.g. trigger/my-service-trigger, broker/default, pingsource/every-minute.")
public class DeleteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<function>|<kind>/<name>")
    String function;

    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        int slash = function.indexOf('/');
        if (slash > 0) { // the control API takes <kind>:<name> in the function's place
            if (!target.control(s).delete(function.substring(0, slash) + ":" + function.substring(slash + 1))) {
                throw QuiverException.failed("no " + function + " is deployed");
            }
        } else if (!target.control(s).delete(function)) {
            throw QuiverException.failed("no function '" + function + "' is deployed");
        }
        s.console().line("deleted  " + function);
        return 0;
    }
}
