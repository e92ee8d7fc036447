package dev.quiver.kubernetes.activator;

import dev.quiver.control.route.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The ready endpoints of one Service from its EndpointSlices: endpoints whose {@code conditions.ready} is true or
 * unset (the API says unset means ready) and that are not terminating, on the slice's port named {@code http} (or
 * its only port). Each is named by its pod ({@code targetRef.name}), else by its address and port, and carries its
 * pod's readiness time when known (else null). Sorted, so that round robin is stable across updates.
 */
public final class ReadyEndpoints {
    static final String PORT_NAME = "http";

    private ReadyEndpoints() {}

    /** Without readiness times: every endpoint's {@code readySince} is null. */
    public static List<Endpoint> of(List<EndpointSlice> slices) {
        return of(slices, pod -> null);
    }

    /**
     * @param readySince when the named pod (the endpoint's {@code targetRef.name}) became ready, null when unknown
     */
    public static List<Endpoint> of(List<EndpointSlice> slices, Function<String, Instant> readySince) {
        Set<Endpoint> out = new LinkedHashSet<>();
        for (EndpointSlice s : slices) {
            Integer port = port(s.getPorts());
            if (port == null || s.getEndpoints() == null) {
                continue;
            }
            for (io.fabric8.kubernetes.api.model.discovery.v1.Endpoint e : s.getEndpoints()) {
                if (ready(e.getConditions())
                        && e.getAddresses() != null
                        && !e.getAddresses().isEmpty()) {
                    String address = e.getAddresses().get(0);
                    String pod = e.getTargetRef() != null ? e.getTargetRef().getName() : null;
                    String id = pod != null ? pod : address + ":" + port;
                    out.add(new Endpoint(id, address, port, pod == null ? null : readySince.apply(pod)));
                }
            }
        }
        List<Endpoint> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Endpoint::host).thenComparingInt(Endpoint::port));
        return List.copyOf(sorted);
    }

    static boolean ready(EndpointConditions c) {
        if (c == null) {
            return true;
        }
        return !Boolean.FALSE.equals(c.getReady()) && !Boolean.TRUE.equals(c.getTerminating());
    }

    private static Integer port(List<EndpointPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return null;
        }
        for (EndpointPort p : ports) {
            if (PORT_NAME.equals(p.getName())) {
                return p.getPort();
            }
        }
        return ports.size() == 1 ? ports.get(0).getPort() : null;
    }
}
