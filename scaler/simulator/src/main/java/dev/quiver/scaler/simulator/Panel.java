package dev.quiver.scaler.simulator;

import java.util.ArrayList;
import java.util.List;

/** One chart panel: a shared time axis, a y axis from 0, some series, optional shaded bands, a legend. */
final class Panel {
    record Series(String name, String color, double width, String dash, boolean step, double[] t, double[] y) {}

    record Band(String name, String color, List<double[]> spans) {}

    private final String title;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    Panel(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    Panel add(Series s) {
        series.add(s);
        return this;
    }

    Panel band(Band b) {
        bands.add(b);
        return this;
    }

    /** Draws into the box (x0, y0)-(x1, y1) for times 0..tMax. */
    void draw(Svg svg, double x0, double y0, double x1, double y1, double tMax) {
        double yMax = 1;
        for (Series s : series) {
            for (double v : s.y()) {
                yMax = Math.max(yMax, v);
            }
        }
        double[] yTicks = Ticks.nice(yMax);
        double top = yTicks[yTicks.length - 1];
        Scale sx = v -> x0 + (x1 - x0) * v / tMax;
        Scale sy = v -> y1 - (y1 - y0) * v / top;
        for (Band b : bands) {
            for (double[] span : b.spans()) {
                svg.rect(sx.at(span[0]), y0, Math.max(1, sx.at(span[1]) - sx.at(span[0])), y1 - y0, b.color(), null);
            }
        }
        for (double v : yTicks) {
            svg.line(x0, sy.at(v), x1, sy.at(v), "#e4e4e4", 1, null);
            svg.text(x0 - 6, sy.at(v) + 4, Ticks.label(v), "end", 11, null);
        }
        for (double v : Ticks.nice(tMax)) {
            if (v <= tMax) {
                svg.line(sx.at(v), y1, sx.at(v), y1 + 4, "#333", 1, null);
                svg.text(sx.at(v), y1 + 17, Ticks.label(v), "middle", 11, null);
            }
        }
        svg.line(x0, y1, x1, y1, "#333", 1, null).line(x0, y0, x0, y1, "#333", 1, null);
        svg.text(x0, y0 - 8, title, "start", 14, "font-weight=\"bold\"");
        svg.text(
                x0 - 48,
                (y0 + y1) / 2,
                yLabel,
                "middle",
                12,
                "transform=\"rotate(-90 " + Svg.f(x0 - 48) + " " + Svg.f((y0 + y1) / 2) + ")\"");
        svg.text((x0 + x1) / 2, y1 + 34, "time (s)", "middle", 12, null);
        for (Series s : series) {
            svg.path(path(s, sx, sy), s.color(), s.width(), s.dash());
        }
        legend(svg, x1 + 16, y0 + 6);
    }

    private void legend(Svg svg, double x, double y) {
        double row = y;
        for (Series s : series) {
            svg.line(x, row, x + 24, row, s.color(), Math.max(2, s.width()), s.dash());
            svg.text(x + 30, row + 4, s.name(), "start", 12, null);
            row += 18;
        }
        for (Band b : bands) {
            svg.rect(x, row - 6, 24, 12, b.color(), null);
            svg.text(x + 30, row + 4, b.name(), "start", 12, null);
            row += 18;
        }
    }

    private static String path(Series s, Scale sx, Scale sy) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.t().length; i++) {
            double x = sx.at(s.t()[i]);
            double y = sy.at(s.y()[i]);
            if (i == 0) {
                d.append('M').append(Svg.f(x)).append(' ').append(Svg.f(y));
            } else if (s.step()) {
                d.append(" H").append(Svg.f(x)).append(" V").append(Svg.f(y));
            } else {
                d.append(" L").append(Svg.f(x)).append(' ').append(Svg.f(y));
            }
        }
        return d.toString();
    }

    @FunctionalInterface
    private interface Scale {
        double at(double v);
    }
}
