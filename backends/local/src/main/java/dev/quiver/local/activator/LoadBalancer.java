package dev.quiver.local.activator;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks an endpoint and takes one of its slots, respecting the hard concurrency limit; null when none has a free
 * slot. As Knative's activator: first-available for limits up to 3, round-robin above, power of two choices when
 * unlimited.
 */
public interface LoadBalancer {

    Endpoint pick(List<Endpoint> endpoints, int limit);

    static LoadBalancer forLimit(int limit) {
        if (limit == 0) {
            return new PowerOfTwoChoices();
        }
        return limit <= 3 ? new FirstAvailable() : new RoundRobin();
    }

    /** The first endpoint, in order, with a free slot: packs requests on few instances. */
    final class FirstAvailable implements LoadBalancer {
        @Override
        public Endpoint pick(List<Endpoint> endpoints, int limit) {
            for (Endpoint e : endpoints) {
                if (e.tryAcquire(limit)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The next endpoint after the previous pick that has a free slot. */
    final class RoundRobin implements LoadBalancer {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Endpoint pick(List<Endpoint> endpoints, int limit) {
            int n = endpoints.size();
            int start = Math.floorMod(next.getAndIncrement(), Math.max(n, 1));
            for (int k = 0; k < n; k++) {
                Endpoint e = endpoints.get((start + k) % n);
                if (e.tryAcquire(limit)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** Of two random endpoints, the one with fewer requests in flight. */
    final class PowerOfTwoChoices implements LoadBalancer {
        @Override
        public Endpoint pick(List<Endpoint> endpoints, int limit) {
            int n = endpoints.size();
            if (n == 0) {
                return null;
            }
            for (int attempt = 0; attempt < 2 * n; attempt++) {
                Endpoint e = choose(endpoints, n);
                if (e.tryAcquire(limit)) {
                    return e;
                }
            }
            return null;
        }

        private static Endpoint choose(List<Endpoint> endpoints, int n) {
            if (n == 1) {
                return endpoints.get(0);
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int a = r.nextInt(n);
            int b = r.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            Endpoint ea = endpoints.get(a);
            Endpoint eb = endpoints.get(b);
            if (ea.broken()) {
                return eb;
            }
            return eb.broken() || ea.inFlight() <= eb.inFlight() ? ea : eb;
        }
    }
}
