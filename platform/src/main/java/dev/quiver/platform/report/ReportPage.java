package dev.quiver.platform.report;

import dev.quiver.platform.loop.StatusView;
import java.time.Instant;
import java.util.Collection;

/** A self-contained HTML page: every function's instances, concurrency and lag over time, and its counters. */
public final class ReportPage {
    private ReportPage() {
    }

    public static String html(Collection<StatusView> functions, Instant now) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Quiver report"
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>");
        sb.append("<h1>Quiver platform report</h1><p>").append(now).append("</p>");
        sb.append("<table><tr><th>function</th><th>ready</th><th>warm</th><th>desired</th><th>cold starts</th>"
                + "<th>promotions</th><th>crashes</th></tr>");
        for (StatusView v : functions) {
            sb.append("<tr><td>").append(Chart.esc(v.name())).append("</td><td>").append(v.ready()).append("</td><td>")
                    .append(v.warm()).append("</td><td>").append(v.desired()).append("</td><td>")
                    .append(v.coldStarts()).append("</td><td>").append(v.promotions()).append("</td><td>")
                    .append(v.crashes()).append("</td></tr>");
        }
        sb.append("</table>");
        for (StatusView v : functions) {
            sb.append("<div>").append(Chart.svg(v.name(), v.history())).append("</div>");
        }
        return sb.append("</body></html>").toString();
    }
}
