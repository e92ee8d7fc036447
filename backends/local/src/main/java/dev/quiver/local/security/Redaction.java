package dev.quiver.local.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of settings whose names say they are secret ({@code secret}, {@code password}, {@code token},
 * {@code key}, any case) as {@code ***}: in a spec's text ({@code env:} and {@code properties:} entries), in
 * {@code -Dname=value} options of a logged command line and in log lines.
 */
public final class Redaction {
    public static final String HIDDEN = "***";
    private static final String NAME = "[A-Za-z0-9_.\\-]*(?i:secret|password|token|key)[A-Za-z0-9_.\\-]*";
    /** {@code -Dname=value} anywhere in a line; the value runs to the next white space. */
    private static final Pattern SYSTEM_PROPERTY =
            Pattern.compile("(-D" + NAME + "=)(\"[^\"]*\"|'[^']*'|[^\\s\"',\\]]*)");
    /** A YAML or JSON mapping entry {@code name: value} (block style, one per line). */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*(?:-\\s+)?([\"']?)" + NAME
            + "\\2\\s*:[ \\t]+)(?![|>]\\s*$)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^,#\\n]*?)(\\s*,?\\s*(?:#.*)?)$");
    /** An entry of a flow mapping ({@code {API_TOKEN: x, ...}}) or of one-line JSON. */
    private static final Pattern FLOW = Pattern.compile(
            "([{,]\\s*([\"']?)" + NAME + "\\2\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^,}\\s][^,}]*?)(?=\\s*[,}])");
    /** {@code NAME=value} as an env entry in a spec's list form or a shell line. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(^|\\s)(" + NAME + "=)([^\\s\"',\\]]*)");

    private Redaction() {}

    public static boolean sensitive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("secret") || n.contains("password") || n.contains("token") || n.contains("key");
    }

    /** A command line with the values of sensitive {@code -D} options hidden. */
    public static List<String> command(List<String> command) {
        return command.stream().map(Redaction::line).toList();
    }

    /** One line of a log or command: sensitive {@code -D} options and {@code NAME=value} assignments hidden. */
    public static String line(String line) {
        String out = replace(SYSTEM_PROPERTY.matcher(line), 1);
        Matcher a = ASSIGNMENT.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (a.find()) {
            a.appendReplacement(
                    sb,
                    Matcher.quoteReplacement(
                            a.group(1) + a.group(2) + (a.group(3).isEmpty() ? "" : HIDDEN)));
        }
        a.appendTail(sb);
        return sb.toString();
    }

    /** A spec's YAML (or block JSON): each sensitive entry's value hidden, then every line as {@link #line}. */
    public static String spec(String source) {
        StringBuilder sb = new StringBuilder();
        for (String l : source.split("\n", -1)) {
            Matcher m = ENTRY.matcher(l);
            String redacted =
                    m.matches() && !m.group(3).isBlank() ? m.group(1) + quoted(m.group(3)) + m.group(4) : line(flow(l));
            sb.append(redacted).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static String flow(String line) {
        Matcher m = FLOW.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + quoted(m.group(3))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String quoted(String value) {
        return value.startsWith("\"") ? "\"" + HIDDEN + "\"" : value.startsWith("'") ? "'" + HIDDEN + "'" : HIDDEN;
    }

    private static String replace(Matcher m, int keep) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(keep) + HIDDEN));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
