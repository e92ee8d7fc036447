package dev.quiver.kubernetes.activator;

import java.util.List;
import java.util.Map;

/**
 * Which ready endpoint takes the next request: the one with the fewest requests in flight through this activator;
 * among equals, round robin from {@code turn} (so sequential requests spread over all endpoints).
 */
public final class EndpointChoice {
    private EndpointChoice() {
    }

    /**
     * @param ready    the function's ready endpoints, in a stable order; not empty
     * @param inFlight requests in flight per endpoint (absent = 0)
     * @param turn     a counter the caller increments per choice
     */
    public static Endpoint pick(List<Endpoint> ready, Map<Endpoint, Integer> inFlight, long turn) {
        if (ready.isEmpty()) {
            throw new IllegalArgumentException("no ready endpoint to choose from");
        }
        int n = ready.size();
        int start = (int) Math.floorMod(turn, (long) n);
        Endpoint best = null;
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Endpoint e = ready.get((start + i) % n);
            int busy = inFlight.getOrDefault(e, 0);
            if (busy < least) {
                least = busy;
                best = e;
            }
        }
        return best;
    }
}
