package dev.quiver.scaler.simulator;

import dev.quiver.scaler.spec.Durations;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.Metric;
import dev.quiver.scaler.spec.ScaleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws a simulation as an SVG: load (and lag) on top, instances below, panic shaded, a legend per panel. */
final class Chart {
    private static final int WIDTH = 1000;
    private static final int PANEL = 210;
    private static final int GAP = 80;

    private Chart() {}

    static String render(FunctionSpec spec, List<TraceLine> trace, List<Row> rows) {
        long last = trace.get(trace.size() - 1).t();
        List<Panel> panels = new ArrayList<>();
        if (spec.http()) {
            panels.add(load(spec, trace, rows, last));
        }
        if (rows.stream().anyMatch(r -> r.lag() != null)) {
            panels.add(lag(rows));
        }
        panels.add(instances(rows));
        int height = 70 + panels.size() * (PANEL + GAP);
        Svg svg = new Svg(WIDTH, height);
        ScaleSpec s = spec.scale();
        svg.text(WIDTH / 2d, 24, "Quiver scaler simulation: " + spec.name(), "middle", 17, "font-weight=\"bold\"");
        svg.text(WIDTH / 2d, 44, subtitle(spec, s), "middle", 12, "fill=\"#555\"");
        double y = 80;
        for (Panel p : panels) {
            p.draw(svg, 80, y, WIDTH - 200, y + PANEL, Math.max(1, last));
            y += PANEL + GAP;
        }
        return svg.finish();
    }

    private static String subtitle(FunctionSpec spec, ScaleSpec s) {
        StringBuilder b = new StringBuilder();
        if (spec.http()) {
            b.append("target ")
                    .append(fmt(s.targetPerInstance()))
                    .append(' ')
                    .append(s.metric().key())
                    .append(" per instance, stable window ")
                    .append(Durations.format(s.stableWindow()))
                    .append(", grace ")
                    .append(Durations.format(s.scaleToZeroGracePeriod()))
                    .append(", ");
        }
        if (spec.kafka()) {
            b.append("lag threshold ").append(spec.lag().lagThreshold()).append(", ");
        }
        return b.append("warm pool ")
                .append(s.warmPool())
                .append(", tick ")
                .append(Durations.format(s.tickInterval()))
                .toString();
    }

    private static Panel load(FunctionSpec spec, List<TraceLine> trace, List<Row> rows, long last) {
        boolean rps = spec.scale().metric() == Metric.RPS;
        Map<Long, TraceLine> by = new HashMap<>();
        trace.forEach(l -> by.put(l.t(), l));
        double[] t = new double[(int) last + 1];
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            TraceLine l = by.get((long) i);
            y[i] = l == null ? 0 : rps ? l.rps() : l.concurrency();
        }
        List<Row> ticks = rows.stream().filter(r -> r.event().equals("tick")).toList();
        return new Panel(
                        rps ? "Load: requests per second" : "Load: concurrency (in-flight requests)",
                        rps ? "requests/s" : "requests")
                .add(new Panel.Series(rps ? "observed rps" : "observed", "#9aa5b1", 1.2, null, false, t, y))
                .add(new Panel.Series(
                        "stable avg", "#1f5fbf", 2, null, false, times(ticks), values(ticks, Row::stable)))
                .add(new Panel.Series(
                        "panic avg", "#d9480f", 1.5, "5 3", false, times(ticks), values(ticks, Row::panic)));
    }

    private static Panel lag(List<Row> rows) {
        List<Row> withLag = rows.stream().filter(r -> r.lag() != null).toList();
        return new Panel("Kafka consumer lag (all partitions)", "messages")
                .add(new Panel.Series("lag", "#7048e8", 2, null, false, times(withLag), values(withLag, r -> r.lag())));
    }

    private static Panel instances(List<Row> rows) {
        List<double[]> panic = new ArrayList<>();
        Double start = null;
        for (Row r : rows) {
            if (r.panicking() && start == null) {
                start = r.t();
            } else if (!r.panicking() && start != null) {
                panic.add(new double[] {start, r.t()});
                start = null;
            }
        }
        if (start != null) {
            panic.add(new double[] {start, rows.get(rows.size() - 1).t()});
        }
        return new Panel("Instances", "instances")
                .band(new Panel.Band("panic mode", "#ffe3e3", panic))
                .add(new Panel.Series("desired", "#1f5fbf", 2.5, null, true, times(rows), values(rows, Row::desired)))
                .add(new Panel.Series("ready", "#2b8a3e", 2, "6 3", true, times(rows), values(rows, Row::ready)))
                .add(new Panel.Series("warm pool", "#e8590c", 1.5, "2 3", true, times(rows), values(rows, Row::warm)));
    }

    private static double[] times(List<Row> rows) {
        return rows.stream().mapToDouble(Row::t).toArray();
    }

    private static double[] values(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
