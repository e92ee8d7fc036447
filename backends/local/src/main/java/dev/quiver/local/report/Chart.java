package dev.quiver.local.report;

import dev.quiver.control.loop.Sample;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One function's history as an SVG: instances (ready, warm, desired) on the left axis, concurrency and lag on the
 * right one, panic shaded.
 */
final class Chart {
    private static final int W = 900;
    private static final int H = 260;
    private static final int L = 50;
    private static final int R = 60;
    private static final int T = 30;
    private static final int B = 30;

    private Chart() {}

    static String svg(String title, List<Sample> s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                        + "font-family='sans-serif' font-size='11'>",
                W,
                H));
        sb.append("<text x='")
                .append(L)
                .append("' y='16' font-size='14' font-weight='bold'>")
                .append(esc(title))
                .append("</text>");
        if (s.size() < 2) {
            return sb.append("<text x='60' y='60'>no data yet</text></svg>").toString();
        }
        long t0 = s.get(0).epochMillis();
        double span = Math.max(1, s.get(s.size() - 1).epochMillis() - t0);
        double maxInst = Math.max(2, max(s, x -> Math.max(x.desired(), x.ready() + x.warm())));
        double maxLoad = Math.max(1, Math.max(max(s, Sample::concurrency), max(s, x -> Math.max(0, x.lag()))));
        int pw = W - L - R;
        int ph = H - T - B;
        for (int i = 0; i < s.size() - 1; i++) {
            if (s.get(i).panicking()) {
                double x0 = L + (s.get(i).epochMillis() - t0) / span * pw;
                double x1 = L + (s.get(i + 1).epochMillis() - t0) / span * pw;
                sb.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='#fde2e2'/>",
                        x0,
                        T,
                        x1 - x0,
                        ph));
            }
        }
        sb.append(String.format(
                Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", L, T, pw, ph));
        double maxRps = Math.max(1, max(s, Sample::rps));
        line(sb, s, t0, span, x -> x.rps() / maxRps, "#e0d040", pw, ph);
        line(sb, s, t0, span, x -> x.concurrency() / maxLoad, "#f0a030", pw, ph);
        line(sb, s, t0, span, x -> Math.max(0, x.lag()) / maxLoad, "#a050d0", pw, ph);
        line(sb, s, t0, span, x -> x.desired() / maxInst, "#888888", pw, ph);
        line(sb, s, t0, span, x -> x.warm() / maxInst, "#30a060", pw, ph);
        line(sb, s, t0, span, x -> x.ready() / maxInst, "#2060d0", pw, ph);
        sb.append(String.format(
                Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%d</text>", L - 4, T + 10, (int) maxInst));
        sb.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>%.0f</text>", L + pw + 4, T + 10, maxLoad));
        sb.append(String.format(
                Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%.0f s</text>", L + pw, H - 10, span / 1000));
        legend(sb);
        return sb.append("</svg>").toString();
    }

    private static void legend(StringBuilder sb) {
        String[][] items = {
            {"ready", "#2060d0"},
            {"warm", "#30a060"},
            {"desired", "#888888"},
            {"rps (to its max)", "#e0d040"},
            {"concurrency (right)", "#f0a030"},
            {"lag (right)", "#a050d0"},
            {"panic", "#fde2e2"}
        };
        int x = L + 120;
        for (String[] it : items) {
            sb.append(String.format(
                    Locale.ROOT,
                    "<rect x='%d' y='8' width='10' height='10' fill='%s'/>" + "<text x='%d' y='17'>%s</text>",
                    x,
                    it[1],
                    x + 13,
                    it[0]));
            x += 22 + it[0].length() * 6;
        }
    }

    private static void line(
            StringBuilder sb,
            List<Sample> s,
            long t0,
            double span,
            ToDoubleFunction<Sample> y,
            String color,
            int pw,
            int ph) {
        sb.append("<polyline fill='none' stroke-width='1.8' stroke='")
                .append(color)
                .append("' points='");
        for (Sample x : s) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f ",
                    L + (x.epochMillis() - t0) / span * pw,
                    T + ph - Math.min(1, y.applyAsDouble(x)) * ph));
        }
        sb.append("'/>");
    }

    private static double max(List<Sample> s, ToDoubleFunction<Sample> f) {
        return s.stream().mapToDouble(f).max().orElse(0);
    }

    static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
