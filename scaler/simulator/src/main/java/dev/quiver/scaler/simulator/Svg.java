package dev.quiver.scaler.simulator;

import java.util.Locale;

/** A minimal SVG writer: just what the chart needs. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"")
                .append(f(x1))
                .append("\" y1=\"")
                .append(f(y1))
                .append("\" x2=\"")
                .append(f(x2))
                .append("\" y2=\"")
                .append(f(y2))
                .append("\" stroke=\"")
                .append(stroke)
                .append("\" stroke-width=\"")
                .append(f(width))
                .append('"')
                .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append("/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"")
                .append(f(x))
                .append("\" y=\"")
                .append(f(y))
                .append("\" width=\"")
                .append(f(w))
                .append("\" height=\"")
                .append(f(h))
                .append("\" fill=\"")
                .append(fill)
                .append('"')
                .append(stroke == null ? "" : " stroke=\"" + stroke + "\"")
                .append("/>\n");
        return this;
    }

    Svg path(String d, String stroke, double width, String dash) {
        out.append("<path d=\"")
                .append(d)
                .append("\" fill=\"none\" stroke=\"")
                .append(stroke)
                .append("\" stroke-width=\"")
                .append(f(width))
                .append("\" stroke-linejoin=\"round\"")
                .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append("/>\n");
        return this;
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String text, String anchor, int size, String extra) {
        out.append("<text x=\"")
                .append(f(x))
                .append("\" y=\"")
                .append(f(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" font-size=\"")
                .append(size)
                .append('"')
                .append(extra == null ? "" : " " + extra)
                .append('>')
                .append(escape(text))
                .append("</text>\n");
        return this;
    }

    String finish() {
        return out.append("</svg>\n").toString();
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
