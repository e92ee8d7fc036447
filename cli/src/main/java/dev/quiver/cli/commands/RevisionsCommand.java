package dev.quiver.cli.commands;

import dev.quiver.api.control.FunctionRevisions;
import dev.quiver.api.control.RevisionStatus;
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
        name = "revisions",
        mixinStandardHelpOptions = true,
        description = {
            "A function's revisions, oldest first: name, created, code digest, traffic share, tags, ready instances.",
            "Every deploy that changes the code (by content) or configuration makes one; see docs/revisions.md."
        })
public class RevisionsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<function>")
    String function;

    @Option(names = "--json", description = "Print them as JSON.")
    boolean json;

    @Mixin
    Target target;

    @Override
    public Integer call() throws Exception {
        Session s = Session.current();
        FunctionRevisions r = target.control(s)
                .revisions(function)
                .orElseThrow(() -> QuiverException.failed("no function '" + function + "' is deployed"));
        s.console().out().print(json ? StatusCommand.JSON.writeValueAsString(r) + "\n" : render(r));
        return 0;
    }

    static String render(FunctionRevisions r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "CREATED", "DIGEST", "TRAFFIC", "TAGS", "READY", ""});
        for (RevisionStatus v : r.revisions()) {
            rows.add(new String[] {
                v.name(),
                v.created(),
                v.shortDigest(),
                v.percent() + "%",
                v.tags().isEmpty() ? "-" : String.join(",", v.tags()),
                String.valueOf(v.ready()),
                v.latest() ? "latest" : ""
            });
        }
        return Console.table(rows, "  ");
    }
}
