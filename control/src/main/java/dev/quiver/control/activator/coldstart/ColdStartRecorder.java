package dev.quiver.control.activator.coldstart;

import dev.quiver.api.control.ColdStart;
import dev.quiver.api.control.ColdStart.Requests;
import dev.quiver.api.control.ColdStart.Startups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cold-start figures per function: for each request that arrived when no ready instance had capacity, the time
 * from its arrival at the activator to its first response byte, split into waiting for an instance and being
 * served, by who served it ({@link ServedBy}); and every instance's start-up (spawn to ready as the platform saw it,
 * and as the instance reported it) by launch mode. Times are passed in; a {@link Listener} (Prometheus) gets each.
 */
public final class ColdStartRecorder {
    static final int WINDOW = 1024;

    /** Receives every record as it is made (e.g. Micrometer histograms). */
    public interface Listener {
        void request(String function, ServedBy by, long waitNanos, long servedNanos);

        /** @param measuredBy {@code platform} (spawn to first ready probe) or {@code instance} (its own report) */
        void startup(String function, String launch, String role, String measuredBy, long nanos);

        void removed(String function);

        Listener NONE = new Listener() {
            @Override
            public void request(String function, ServedBy by, long waitNanos, long servedNanos) {}

            @Override
            public void startup(String function, String launch, String role, String measuredBy, long nanos) {}

            @Override
            public void removed(String function) {}
        };
    }

    private static final class Kind {
        final LatencySummary firstByte = new LatencySummary(WINDOW);
        final LatencySummary waiting = new LatencySummary(WINDOW);
        final LatencySummary served = new LatencySummary(WINDOW);

        Requests figures() {
            return new Requests(firstByte.figures(), waiting.figures(), served.figures());
        }
    }

    private static final class Function {
        final Kind cold = new Kind();
        final Kind warm = new Kind();
        final Map<String, LatencySummary> startups = new ConcurrentHashMap<>();
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ColdStartRecorder.class);
    private final Map<String, Function> functions = new ConcurrentHashMap<>();
    private final Listener listener;

    public ColdStartRecorder(Listener listener) {
        this.listener = listener;
    }

    public void request(String function, ServedBy by, long waitNanos, long servedNanos) {
        long wait = Math.max(0, waitNanos);
        long served = Math.max(0, servedNanos);
        Kind k = by == ServedBy.COLD ? of(function).cold : of(function).warm;
        k.waiting.add(wait);
        k.served.add(served);
        k.firstByte.add(wait + served);
        listener.request(function, by, wait, served);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} request ({}): arrival -> dispatch {} us, dispatch -> first byte {} us",
                    function,
                    by,
                    wait / 1000,
                    served / 1000);
        }
    }

    /** @param role {@code active} (started into traffic) or {@code pool} (started for the warm pool) */
    public void startup(String function, String launch, String role, String measuredBy, long nanos) {
        of(function)
                .startups
                .computeIfAbsent(launch + "|" + role + "|" + measuredBy, k -> new LatencySummary(WINDOW))
                .add(Math.max(0, nanos));
        listener.startup(function, launch, role, measuredBy, nanos);
    }

    public ColdStart snapshot(String function) {
        Function f = functions.get(function);
        if (f == null) {
            return new ColdStart(new Kind().figures(), new Kind().figures(), List.of());
        }
        List<Startups> startups = new ArrayList<>();
        f.startups.forEach((key, s) -> {
            String[] p = key.split("\\|", 3);
            startups.add(new Startups(p[0], p[1], p[2], s.figures()));
        });
        startups.sort(java.util.Comparator.comparing(Startups::measuredBy)
                .thenComparing(Startups::launch)
                .thenComparing(Startups::role));
        return new ColdStart(f.cold.figures(), f.warm.figures(), startups);
    }

    /** The function was deleted: its figures go. */
    public void remove(String function) {
        functions.remove(function);
        listener.removed(function);
    }

    private Function of(String function) {
        return functions.computeIfAbsent(function, k -> new Function());
    }
}
