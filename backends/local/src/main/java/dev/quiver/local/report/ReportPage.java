package dev.quiver.local.report;

import dev.quiver.control.activator.coldstart.ColdStartText;
import dev.quiver.local.loop.StatusView;
import java.time.Instant;
import java.util.Collection;

/** A self-contained HTML page: every function's instances, concurrency and lag over time, and its counters. */
public final class ReportPage {
    private ReportPage() {}

    public static String html(Collection<StatusView> functions, Instant now) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Quiver report"
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>");
        sb.append("<h1>Quiver platform report</h1><p>").append(now).append("</p>");
        sb.append("<table><tr><th>function</th><th>ready</th><th>warm</th><th>desired</th><th>cold starts</th>"
                + "<th>promotions</th><th>crashes</th></tr>");
        for (StatusView v : functions) {
            sb.append("<tr><td>")
                    .append(Chart.esc(v.name()))
                    .append("</td><td>")
                    .append(v.ready())
                    .append("</td><td>")
                    .append(v.warm())
                    .append("</td><td>")
                    .append(v.desired())
                    .append("</td><td>")
                    .append(v.coldStarts())
                    .append("</td><td>")
                    .append(v.promotions())
                    .append("</td><td>")
                    .append(v.crashes())
                    .append("</td></tr>");
        }
        sb.append("</table>");
        coldStarts(sb, functions);
        for (StatusView v : functions) {
            sb.append("<div>").append(Chart.svg(v.name(), v.history())).append("</div>");
        }
        return sb.append("</body></html>").toString();
    }

    /** Requests that found no ready instance (arrival to first byte, by who served them) and start-ups. */
    private static void coldStarts(StringBuilder sb, Collection<StatusView> functions) {
        sb.append("<h2>Cold starts</h2><p>Requests that arrived when no ready instance had capacity, from arrival at"
                + " the activator to the first response byte: served by a warm instance (promoted from the pool or"
                + " already running) or a cold one (a new process); and instance start-ups, spawn to ready.</p>");
        sb.append("<table><tr><th>function</th><th>launch</th><th>requests at no capacity</th>"
                + "<th>instance start-ups (launch/role)</th></tr>");
        for (StatusView v : functions) {
            var s = v.coldStart();
            sb.append("<tr><td>")
                    .append(Chart.esc(v.name()))
                    .append("</td><td title='")
                    .append(Chart.esc(v.launch().reason()))
                    .append("'>")
                    .append(Chart.esc(v.launch().mode()))
                    .append("</td><td>")
                    .append(Chart.esc(ColdStartText.requests(s)))
                    .append("</td><td>")
                    .append(Chart.esc(ColdStartText.startups(s)))
                    .append("</td></tr>");
        }
        sb.append("</table>");
    }
}
