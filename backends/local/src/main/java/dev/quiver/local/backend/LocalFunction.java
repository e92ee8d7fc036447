package dev.quiver.local.backend;

import dev.quiver.control.loop.InstanceView;
import dev.quiver.control.loop.LoopFunction;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.warmpool.InstanceTable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployed function's processes and counters on the local backend. The loop thread writes it; other threads read
 * the volatile fields.
 */
public final class LocalFunction {
    final InstanceTable instances = new InstanceTable();
    final AtomicLong coldStarts = new AtomicLong();
    final AtomicLong warmStarts = new AtomicLong();
    final AtomicLong promotions = new AtomicLong();
    final AtomicLong crashes = new AtomicLong();
    volatile FunctionDefinition definition;
    /** Pool instances whose start waits for a promoted instance's first answer (loop thread only). */
    int heldRefill;

    volatile int generation;
    volatile String lastCrash;
    volatile LaunchInfo launch = LaunchInfo.UNKNOWN;
    Instant startBlockedUntil = Instant.EPOCH;
    int consecutiveFailures;
    private int seq;

    LocalFunction(FunctionDefinition definition) {
        this.definition = definition;
    }

    /** The definition as the loop takes it: the revision covers everything that needs new processes. */
    public static LoopFunction toLoop(FunctionDefinition f) {
        return new LoopFunction(
                FunctionRef.local(f.name()),
                f.scaling(),
                f.kafka().map(k -> new LoopFunction.KafkaSource(k.topic(), k.group())),
                f.containerConcurrency(),
                revision(f));
    }

    /** Changes exactly when {@link FunctionDefinition#needsRollFrom} says so. */
    static String revision(FunctionDefinition f) {
        return Integer.toHexString(
                Objects.hash(f.artifact(), f.jvmOptions(), f.properties(), f.env(), f.launch(), f.kafka()));
    }

    /** The revision's name ({@code <function>-0000N}), or the function's when it runs without revisions. */
    public String name() {
        return definition.name();
    }

    /** The function's name (a revision's definition keeps its function's scaling spec, named for the function). */
    public String function() {
        return definition.scaling().name();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public InstanceTable instances() {
        return instances;
    }

    public int generation() {
        return generation;
    }

    public long coldStarts() {
        return coldStarts.get();
    }

    public long warmStarts() {
        return warmStarts.get();
    }

    public long promotions() {
        return promotions.get();
    }

    public long crashes() {
        return crashes.get();
    }

    public String lastCrash() {
        return lastCrash;
    }

    public LaunchInfo launch() {
        return launch;
    }

    String nextId() {
        return name() + "-" + (++seq);
    }

    /** Crash-loop back-off: 1 s, 2 s, 4 s ... up to 30 s after consecutive failures to start. */
    void failed(Instant now) {
        consecutiveFailures++;
        long seconds = Math.min(30, 1L << Math.min(5, consecutiveFailures - 1));
        startBlockedUntil = now.plusSeconds(seconds);
    }

    List<InstanceView> views() {
        return instances.views(generation);
    }
}
