package dev.quiver.control.activator.routing;

import dev.quiver.control.route.FunctionRef;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes backend's naming: the Host header {@code <function>.<namespace>.svc.<cluster-domain>},
 * {@code <function>.<namespace>.svc}, {@code <function>.<namespace>}, {@code <function>} (a port is ignored), or the
 * path {@code /f/<function>/rest} ({@code /f/<function>@<tag>/rest} for a traffic tag), forwarded as {@code /rest}.
 * A tag's host {@code <tag>-<function>...} is resolved by the activator, which knows the tags. A name without namespace means the activator's own.
 */
public final class ClusterRouter implements RequestRouter {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private final String ownNamespace;
    private final String clusterDomain;

    public ClusterRouter(String ownNamespace, String clusterDomain) {
        this.ownNamespace = ownNamespace;
        this.clusterDomain = clusterDomain;
    }

    @Override
    public Optional<Target> route(String host, String uri) {
        String[] path = Paths.split(uri);
        if (path != null) {
            return dnsLabel(path[0]) && (path[2] == null || dnsLabel(path[2]))
                    ? Optional.of(new Target(new FunctionRef(ownNamespace, path[0]), path[1], path[2]))
                    : Optional.empty();
        }
        if (uri.startsWith(Paths.PREFIX) || host == null || host.isBlank() || host.startsWith("[")) {
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
        return Optional.of(new Target(new FunctionRef(labels.length == 2 ? labels[1] : ownNamespace, labels[0]), uri));
    }

    @Override
    public String hint() {
        return "use <function>.<namespace>.svc." + clusterDomain + " as Host or the path /f/<function>/";
    }

    public static boolean dnsLabel(String s) {
        return DNS_LABEL.matcher(s).matches();
    }
}
