package dev.quiver.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What the commands print: steps in bold (on a terminal), progress dots, aligned tables. */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean ansi;

    public Console(PrintStream out, PrintStream err, boolean ansi) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
    }

    public static Console system() {
        return new Console(System.out, System.err, System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public void bold(String line) {
        out.println(ansi ? "\033[1m" + line + "\033[0m" : line);
    }

    public void step(String line) {
        bold("==> " + line);
    }

    public void line(String line) {
        out.println(line);
    }

    /** Four spaces in front: detail under a step. */
    public void detail(String line) {
        out.println("    " + line);
    }

    public void progress(String text) {
        out.print(text);
        out.flush();
    }

    /** Columns padded to the widest cell; numbers (cells that parse as one) right-aligned. */
    public static String table(List<String[]> rows, String indent) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.length; c++) {
                boolean last = c == r.length - 1;
                cells.add(
                        last && !numeric(r[c])
                                ? r[c]
                                : String.format("%" + (numeric(r[c]) ? "" : "-") + width[c] + "s", r[c]));
            }
            sb.append(indent).append(String.join("  ", cells).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static boolean numeric(String s) {
        return s.matches("-?[0-9]+(\\.[0-9]+)?");
    }
}
