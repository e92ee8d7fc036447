package dev.quiver.control.activator.balance;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks the usable endpoint with the fewest requests in flight through this activator and takes one of its slots,
 * never above the hard limit ({@code containerConcurrency}, 0 = unlimited); among equals, round robin (each pick
 * starts one further), so sequential requests spread over all endpoints. Null when none has a free slot.
 */
public final class LeastInFlight {
    private final AtomicInteger turn = new AtomicInteger();

    public Slot acquire(List<Slot> slots, int limit, long nowNanos) {
        int n = slots.size();
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(turn.getAndIncrement(), n);
        for (int attempt = 0; attempt <= n; attempt++) {
            Slot best = null;
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                Slot s = slots.get((start + i) % n);
                int busy = s.inFlight();
                if (busy < least && (limit == 0 || busy < limit) && s.usable(nowNanos)) {
                    least = busy;
                    best = s;
                }
            }
            if (best == null) {
                return null;
            }
            if (best.tryAcquire(limit)) {
                return best;
            }
        }
        return null;
    }
}
