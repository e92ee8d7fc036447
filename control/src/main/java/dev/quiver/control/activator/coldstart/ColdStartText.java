package dev.quiver.control.activator.coldstart;

import dev.quiver.api.control.ColdStart;
import dev.quiver.api.control.ColdStart.Figures;
import dev.quiver.api.control.ColdStart.Requests;
import dev.quiver.api.control.ColdStart.Startups;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact text of {@code quiver status}: {@code cold 1/5 p50 812ms (wait 790 + served 22)} and
 * {@code startup jdk25-aot p50 180ms (n=3)}.
 */
public final class ColdStartText {
    private ColdStartText() {}

    /** Requests at no capacity, by who served them; "-" when there were none. */
    public static String requests(ColdStart s) {
        long total = s.requests();
        if (total == 0) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (s.cold().count() > 0) {
            parts.add(kind("cold", s.cold(), total));
        }
        if (s.warm().count() > 0) {
            parts.add(kind("warm", s.warm(), total));
        }
        return String.join(", ", parts);
    }

    /** Start-ups as the platform measured them, per launch mode and role. */
    public static String startups(ColdStart s) {
        List<String> parts = new ArrayList<>();
        for (Startups u : s.startups()) {
            if (u.measuredBy().equals("platform")) {
                parts.add(u.launch() + "/" + u.role() + " p50 " + ms(u.figures().p50Ms()) + "ms max "
                        + ms(u.figures().maxMs()) + "ms (n=" + u.figures().count() + ")");
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String kind(String label, Requests r, long total) {
        Figures fb = r.firstByte();
        return label + " " + r.count() + "/" + total + " p50 " + ms(fb.p50Ms()) + "ms (wait "
                + ms(r.waiting().p50Ms()) + " + served " + ms(r.served().p50Ms()) + ")";
    }

    /** Whole milliseconds, or one decimal below 10 ms. */
    static String ms(double v) {
        return v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
    }
}
