package dev.quiver.local.control;

import dev.quiver.api.control.FunctionStatus;
import dev.quiver.control.activator.coldstart.ColdStartText;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code quiver status} table, then one line per function that had requests at no ready capacity: who served
 * them, arrival to first byte ({@code cold 1/5 p50 812ms (wait 790 + served 22)}), and its instances' start-ups.
 */
final class StatusTable {
    private static final String[] HEAD = {
        "FUNCTION",
        "READY",
        "WARM",
        "STARTING",
        "DESIRED",
        "MODE",
        "PANIC",
        "CONCURRENCY",
        "RPS",
        "LAG",
        "QUEUED",
        "COLD",
        "PROMOTED",
        "CRASHES",
        "LAUNCH"
    };

    private StatusTable() {}

    static String render(List<FunctionStatus> functions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEAD);
        for (FunctionStatus f : functions) {
            rows.add(new String[] {
                f.name(),
                i(f.ready()),
                i(f.warm()),
                i(f.starting()),
                i(f.desired()),
                f.mode(),
                f.panicking() ? "yes" : "-",
                num(f.concurrency()),
                num(f.rps()),
                f.lag() < 0 ? "-" : i(f.lag()),
                i(f.queued()),
                i(f.coldStarts()),
                i(f.promotions()),
                i(f.crashes()),
                f.launch()
            });
        }
        int[] width = new int[HEAD.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                sb.append(
                        c == 0
                                ? String.format("%-" + width[c] + "s", r[c])
                                : String.format("  %" + width[c] + "s", r[c]));
            }
            sb.append('\n');
        }
        if (functions.isEmpty()) {
            sb.append("(no functions deployed: quiver deploy <dir|yaml>)\n");
        }
        coldStarts(sb, functions);
        return sb.toString();
    }

    private static void coldStarts(StringBuilder sb, List<FunctionStatus> functions) {
        List<FunctionStatus> shown = functions.stream()
                .filter(f -> f.coldStart().requests() > 0
                        || !f.coldStart().startups().isEmpty())
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        sb.append("\nCold starts (requests that found no ready instance: arrival -> first byte; instance start-ups)\n");
        int w = shown.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (FunctionStatus f : shown) {
            sb.append(String.format("%-" + w + "s  requests: %s%n", f.name(), ColdStartText.requests(f.coldStart())));
            sb.append(String.format("%-" + w + "s  startup:  %s%n", "", ColdStartText.startups(f.coldStart())));
        }
    }

    private static String i(long v) {
        return Long.toString(v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}
