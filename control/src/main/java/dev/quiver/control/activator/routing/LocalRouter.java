package dev.quiver.control.activator.routing;

import dev.quiver.control.route.FunctionRef;
import java.util.Locale;
import java.util.Optional;

/**
 * The local backend's naming: the path {@code /f/<function>/rest} (the rest is forwarded, {@code /} when empty) or
 * {@code Host: <function>.<domain>} (the path is forwarded as is). A traffic tag's route is {@code /f/<function>@<tag>/}
 * or {@code Host: <tag>-<function>.<domain>} (the activator, which knows the tags, splits the host's name). Functions
 * have no namespace.
 */
public final class LocalRouter implements RequestRouter {
    private final String domain;

    public LocalRouter(String domain) {
        if (domain == null || domain.isBlank() || domain.startsWith(".")) {
            throw new IllegalArgumentException("the activator's domain must be a host name, but was '" + domain + "'");
        }
        this.domain = domain;
    }

    @Override
    public Optional<Target> route(String host, String uri) {
        String[] path = Paths.split(uri);
        if (path != null) {
            return Optional.of(new Target(FunctionRef.local(path[0]), path[1], path[2]));
        }
        if (uri.startsWith(Paths.PREFIX) || host == null) {
            return Optional.empty();
        }
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        String suffix = "." + domain;
        if (h.length() > suffix.length()
                && h.regionMatches(true, h.length() - suffix.length(), suffix, 0, suffix.length())) {
            String name = h.substring(0, h.length() - suffix.length()).toLowerCase(Locale.ROOT);
            if (name.indexOf('.') < 0) {
                return Optional.of(new Target(FunctionRef.local(name), uri));
            }
        }
        return Optional.empty();
    }

    @Override
    public String hint() {
        return "use /f/{function}/... (/f/{function}@{tag}/...) or Host: {function}." + domain;
    }
}
