package dev.quiver.kubernetes.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code quiver.kubernetes.namespaces}: where Functions are watched. A comma list of namespaces, or {@code *} for
 * every namespace; unset means the process's own namespace. {@link #parse} refuses anything else naming the key and
 * the value.
 *
 * @param all   every namespace ({@code *})
 * @param names the namespaces, sorted, without duplicates; empty when {@code all}
 */
public record WatchedNamespaces(boolean all, List<String> names) {
    public static final String KEY = "quiver.kubernetes.namespaces";

    public WatchedNamespaces {
        names = List.copyOf(names);
    }

    /**
     * @param value the setting, if given
     * @param own   the process's own namespace: the default
     */
    public static WatchedNamespaces parse(Optional<String> value, String own) {
        if (value.isEmpty() || value.get().isBlank()) {
            return new WatchedNamespaces(false, List.of(own));
        }
        String v = value.get().trim();
        if (v.equals("*")) {
            return new WatchedNamespaces(true, List.of());
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String ns = part.trim();
            if (!ns.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new IllegalArgumentException(KEY + " must be '*' or a comma list of namespace names (DNS labels),"
                        + " but was '" + value.get() + "' ('" + ns + "' is not a namespace name)");
            }
            if (!out.contains(ns)) {
                out.add(ns);
            }
        }
        out.sort(String::compareTo);
        return new WatchedNamespaces(false, out);
    }

    public boolean includes(String namespace) {
        return all || names.contains(namespace);
    }

    @Override
    public String toString() {
        return all ? "all namespaces" : "namespace(s) " + String.join(",", names);
    }
}
