package dev.quiver.cli.demo;

import dev.quiver.cli.Console;
import java.util.ArrayList;
import java.util.List;

/** The summary table the demo prints at the end. */
public final class DemoSummary {
    private DemoSummary() {}

    public static String table(List<StepResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "", "OBSERVED"});
        results.forEach(r -> rows.add(new String[] {r.step(), r.verdict(), r.observed()}));
        return Console.table(rows, "    ");
    }

    /** Passed when there were steps and each passed. */
    public static boolean passed(List<StepResult> results) {
        return !results.isEmpty() && results.stream().allMatch(StepResult::passed);
    }

    /** The lines of the status table from "Cold starts" on. */
    public static String coldStarts(String statusTable) {
        int at = statusTable.indexOf("Cold starts");
        return at < 0
                ? ""
                : statusTable.substring(at).lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }
}
