package dev.quiver.control.activator.routing;

/**
 * The path form both backends accept: {@code /f/<function>/rest} or, for a traffic tag's route,
 * {@code /f/<function>@<tag>/rest}, forwarded as {@code /rest} ({@code /} if empty).
 */
final class Paths {
    static final String PREFIX = "/f/";

    private Paths() {}

    /** @return {name, forwarded uri, tag or null}, or null when the uri is not of the form or names nothing */
    static String[] split(String uri) {
        if (!uri.startsWith(PREFIX)) {
            return null;
        }
        int end = uri.length();
        for (int i = PREFIX.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        String name = uri.substring(PREFIX.length(), end);
        if (name.isEmpty()) {
            return null;
        }
        String rest = uri.substring(end);
        if (rest.isEmpty() || rest.charAt(0) == '?') {
            rest = "/" + rest;
        }
        int at = name.indexOf('@');
        if (at >= 0) {
            String tag = name.substring(at + 1);
            name = name.substring(0, at);
            if (name.isEmpty() || tag.isEmpty()) {
                return null;
            }
            return new String[] {name, rest, tag};
        }
        return new String[] {name, rest, null};
    }
}
