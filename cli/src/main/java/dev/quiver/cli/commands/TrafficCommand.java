package dev.quiver.cli.commands;

import dev.quiver.api.control.ControlClient;
import dev.quiver.api.control.TrafficRequest;
import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "traffic",
        mixinStandardHelpOptions = true,
        description = {
            "Set how a function's requests split over its revisions, at once (Knative's traffic block).",
            "  quiver traffic hello --to hello-00001=90 --to latest=10        a canary",
            "  quiver traffic hello --to hello-00001=100                      roll back",
            "  quiver traffic hello --to latest=100 --tag hello-00001=old     keep the old one on /f/hello@old/",
            "The shares must add up to 100; a revision with 0 % and no tag scales to zero."
        })
public class TrafficCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<function>")
    String function;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "<rev|latest>=<percent>",
            description = "A revision (or latest) and its share; repeat for each.")
    List<String> to;

    @Option(
            names = "--tag",
            paramLabel = "<rev|latest>=<tag>",
            description = "A tag for a revision: its own route /f/<function>@<tag>/ and "
                    + "<tag>-<function>.quiver.localhost (0 % if not given a share).")
    List<String> tags = new ArrayList<>();

    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        ControlClient.TrafficResult r = target.control(s).traffic(function, new TrafficRequest(entries(to, tags)));
        if (!r.ok()) {
            throw QuiverException.failed(
                    "traffic refused:\n  " + String.join("\n  ", r.rejection().problems()));
        }
        s.console().out().print(RevisionsCommand.render(r.revisions()));
        return 0;
    }

    /** {@code --to a=90 --to latest=10 --tag a=old} as traffic entries; exit 2 naming a malformed one. */
    static List<TrafficEntry> entries(List<String> to, List<String> tags) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (String t : to) {
            String[] kv = split("--to", t);
            try {
                shares.merge(kv[0], Integer.parseInt(kv[1]), Integer::sum);
            } catch (NumberFormatException e) {
                throw QuiverException.usage("--to " + t + ": the percent must be a whole number");
            }
        }
        Map<String, String> tagOf = new LinkedHashMap<>();
        for (String t : tags) {
            String[] kv = split("--tag", t);
            if (tagOf.put(kv[0], kv[1]) != null) {
                throw QuiverException.usage("--tag " + t + ": one tag per revision");
            }
            shares.putIfAbsent(kv[0], 0);
        }
        List<TrafficEntry> out = new ArrayList<>();
        shares.forEach((rev, percent) -> {
            TrafficEntry e = rev.equals("latest") ? TrafficEntry.latest(percent) : TrafficEntry.revision(rev, percent);
            out.add(e.withTag(tagOf.get(rev)));
        });
        return out;
    }

    private static String[] split(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw QuiverException.usage(option + " " + value + ": expected <rev|latest>=<value>");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }
}
