package dev.quiver.local.activator;

/**
 * Which function a request is for: by path {@code /f/{function}/rest} (the rest is forwarded, {@code /} when
 * empty) or by {@code Host: {function}.<domain>} (the path is forwarded as is).
 */
public record Route(String function, String uri) {

    /** @return the route, or null when the request names no function */
    public static Route of(String host, String uri, String domain) {
        if (uri.startsWith("/f/")) {
            int end = indexOfAny(uri, 3);
            String name = uri.substring(3, end);
            if (name.isEmpty()) {
                return null;
            }
            String rest = uri.substring(end);
            if (rest.isEmpty() || rest.charAt(0) == '?') {
                rest = "/" + rest;
            }
            return new Route(name, rest);
        }
        if (host != null) {
            String h = host;
            int colon = h.lastIndexOf(':');
            if (colon > 0 && h.indexOf(']') < colon) {
                h = h.substring(0, colon);
            }
            String suffix = "." + domain;
            if (h.length() > suffix.length() && h.regionMatches(true, h.length() - suffix.length(), suffix, 0,
                    suffix.length())) {
                String name = h.substring(0, h.length() - suffix.length()).toLowerCase();
                if (name.indexOf('.') < 0) {
                    return new Route(name, uri);
                }
            }
        }
        return null;
    }

    private static int indexOfAny(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return s.length();
    }
}
