package dev.quiver.local.loop;

import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.coldstart.ColdStartRecorder.Snapshot;
import dev.quiver.control.activator.coldstart.ColdStartText;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.List;

/** A read-only view of one function for the status API, the meters and the history; safe from any thread. */
public final class StatusView {
    private final FunctionRuntime rt;
    private final ColdStartRecorder recorder;

    StatusView(FunctionRuntime rt, ColdStartRecorder recorder) {
        this.rt = rt;
        this.recorder = recorder;
    }

    /**
     * @param startupMillis         spawn to ready as the platform measured it, -1 before ready
     * @param reportedStartupMillis process start to ready as the instance reported it, -1 until known
     */
    public record InstanceStatus(String id, String role, String state, int port, long pid, int inFlight,
                                 double concurrency, long requests, int generation, String log, String launch,
                                 long startupMillis, long reportedStartupMillis) {
    }

    /**
     * @param launch       the launch mode of its latest instance ({@code jdk25-aot}, {@code jdk17-appcds}, ...)
     * @param coldStart    requests that found no ready capacity, and instance start-ups (docs/platform.md)
     * @param coldStartText the same as {@code quiver status} shows it
     */
    public record FunctionStatus(String name, String artifact, int ready, int warm, int starting, int desired,
                                 String mode, boolean panicking, double concurrency, double rps, long lag, int queued,
                                 long coldStarts, long warmStarts, long promotions, long crashes, String lastCrash,
                                 List<String> reasons, List<InstanceStatus> instances, String launch,
                                 String launchReason, Snapshot coldStart, String coldStartText) {
    }

    public LaunchInfo launch() {
        return rt.launch;
    }

    public Snapshot coldStart() {
        return recorder.snapshot(rt.name());
    }

    public String name() {
        return rt.name();
    }

    public int ready() {
        return (int) rt.instances.count(Role.ACTIVE, true, rt.generation);
    }

    public int warm() {
        return (int) rt.instances.count(Role.POOL, true, rt.generation);
    }

    public int desired() {
        Decision d = rt.lastDecision;
        return d == null ? 0 : d.desired();
    }

    public double concurrency() {
        return rt.concurrency;
    }

    public long lag() {
        return rt.lag;
    }

    public int queued() {
        return rt.gate.queued();
    }

    public long coldStarts() {
        return rt.coldStarts.get();
    }

    public long promotions() {
        return rt.promotions.get();
    }

    public long crashes() {
        return rt.crashes.get();
    }

    public List<dev.quiver.local.loop.Sample> history() {
        return rt.history.snapshot();
    }

    public FunctionStatus status() {
        Decision d = rt.lastDecision;
        List<InstanceStatus> instances = rt.instances.all().stream().map(StatusView::instance).toList();
        int starting = (int) rt.instances.unordered().stream()
                .filter(i -> i.state() == ManagedInstance.State.STARTING).count();
        return new FunctionStatus(rt.name(), rt.definition.artifact().toString(), ready(), warm(), starting,
                desired(), d == null ? "proxy" : d.mode().key(), d != null && d.panicking(), round(rt.concurrency),
                round(rt.rps), rt.lag, queued(), rt.coldStarts.get(), rt.warmStarts.get(), rt.promotions.get(),
                rt.crashes.get(), rt.lastCrash, d == null ? List.of() : d.reasons(), instances, rt.launch.mode(),
                rt.launch.reason(), coldStart(), ColdStartText.requests(coldStart()));
    }

    Sample sample(Instant now) {
        Decision d = rt.lastDecision;
        return new Sample(now.toEpochMilli(), ready(), warm(), desired(), round(rt.concurrency), round(rt.rps),
                rt.lag, queued(), d != null && d.panicking(), d == null ? "proxy" : d.mode().key());
    }

    private static InstanceStatus instance(ManagedInstance i) {
        var s = i.stats();
        return new InstanceStatus(i.id(), i.role().name().toLowerCase(), i.state().name().toLowerCase(),
                i.handle().port(), i.handle().pid(), s.inFlight(), round(s.averageConcurrency()), s.requestsTotal(),
                i.generation(), i.handle().log() == null ? null : i.handle().log().toString(),
                i.handle().launch().mode(), i.startupNanos() < 0 ? -1 : i.startupNanos() / 1_000_000,
                i.reportedStartupMillis());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
