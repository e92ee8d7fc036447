package dev.quiver.control.activator.routing;

/** The path form both backends accept: {@code /f/<function>/rest}, forwarded as {@code /rest} ({@code /} if empty). */
final class Paths {
    static final String PREFIX = "/f/";

    private Paths() {}

    /** @return {name, forwarded uri}, or null when the uri is not of the form or names nothing */
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
        return new String[] {name, rest};
    }
}
