package dev.quiver.kubernetes.activator;

import java.util.Locale;
import java.util.Optional;

/**
 * Which function a request is for, and the URI to send it on with. From the Host header
 * ({@code <function>.<namespace>.svc.<cluster-domain>}, {@code <function>.<namespace>.svc},
 * {@code <function>.<namespace>}, {@code <function>}), or from the path {@code /f/<function>/rest}, which is forwarded
 * as {@code /rest}. A host naming no namespace means the activator's own.
 *
 * @param namespace the function's namespace
 * @param function  the function's name
 * @param uri       path and query to forward
 */
public record Target(String namespace, String function, String uri) {
    static final String PATH_PREFIX = "/f/";

    /**
     * @param host          the Host header (a port is ignored), may be null
     * @param uri           the request's path and query
     * @param ownNamespace  where the activator runs
     * @param clusterDomain e.g. {@code cluster.local}
     */
    public static Optional<Target> of(String host, String uri, String ownNamespace, String clusterDomain) {
        if (uri.startsWith(PATH_PREFIX)) {
            String rest = uri.substring(PATH_PREFIX.length());
            int end = firstOf(rest, '/', '?');
            String fn = rest.substring(0, end);
            if (!dnsLabel(fn)) {
                return Optional.empty();
            }
            String forward = rest.substring(end);
            if (forward.isEmpty() || forward.startsWith("?")) {
                forward = "/" + forward;
            }
            return Optional.of(new Target(ownNamespace, fn, forward));
        }
        if (host == null || host.isBlank() || host.startsWith("[")) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String suffix : new String[] {".svc." + clusterDomain, ".svc"}) {
            if (h.endsWith(suffix)) {
                h = h.substring(0, h.length() - suffix.length());
                break;
            }
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length > 2 || !dnsLabel(labels[0]) || (labels.length == 2 && !dnsLabel(labels[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Target(labels.length == 2 ? labels[1] : ownNamespace, labels[0], uri));
    }

    /** {@code namespace/function}: the key of the function's queue. */
    public String key() {
        return namespace + "/" + function;
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return s.length();
    }

    static boolean dnsLabel(String s) {
        return s.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    }
}
