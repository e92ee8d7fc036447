package dev.quiver.local.loop;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.coldstart.ColdStartRecorder.Snapshot;
import dev.quiver.control.activator.coldstart.ColdStartText;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopStatus;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.warmpool.ManagedInstance;
import java.util.List;

/**
 * A read-only view of one function for the status API, the meters and the history; safe from any thread. The
 * scaling figures (ready, warm, desired, mode, concurrency, lag, reasons) are the loop's: those its last decision
 * used. The JSON field names of {@link FunctionStatus} are the control API's contract.
 */
public final class StatusView {
    private final FunctionLoop loop;
    private final LocalFunction lf;
    private final FunctionRef ref;
    private final ColdStartRecorder recorder;

    StatusView(FunctionLoop loop, LocalFunction lf, ColdStartRecorder recorder) {
        this.loop = loop;
        this.lf = lf;
        this.ref = FunctionRef.local(lf.name());
        this.recorder = recorder;
    }

    /**
     * @param startupMillis         spawn to ready as the platform measured it, -1 before ready
     * @param reportedStartupMillis process start to ready as the instance reported it, -1 until known
     */
    public record InstanceStatus(
            String id,
            String role,
            String state,
            int port,
            long pid,
            int inFlight,
            double concurrency,
            long requests,
            int generation,
            String log,
            String launch,
            long startupMillis,
            long reportedStartupMillis) {}

    /**
     * @param launch       the launch mode of its latest instance ({@code jdk25-aot}, {@code jdk17-appcds}, ...)
     * @param coldStart    requests that found no ready capacity, and instance start-ups (docs/platform.md)
     * @param coldStartText the same as {@code quiver status} shows it
     */
    public record FunctionStatus(
            String name,
            String artifact,
            int ready,
            int warm,
            int starting,
            int desired,
            String mode,
            boolean panicking,
            double concurrency,
            double rps,
            long lag,
            int queued,
            long coldStarts,
            long warmStarts,
            long promotions,
            long crashes,
            String lastCrash,
            List<String> reasons,
            List<InstanceStatus> instances,
            String launch,
            String launchReason,
            Snapshot coldStart,
            String coldStartText) {}

    private LoopStatus loopStatus() {
        return loop.status(ref).orElse(new LoopStatus(ref, 0, 0, 0, 0, "proxy", false, 0, 0, -1, 0, List.of()));
    }

    public LaunchInfo launch() {
        return lf.launch();
    }

    public Snapshot coldStart() {
        return recorder.snapshot(lf.name());
    }

    public String name() {
        return lf.name();
    }

    public int ready() {
        return loopStatus().ready();
    }

    public int warm() {
        return loopStatus().warm();
    }

    public int desired() {
        return loopStatus().desired();
    }

    public double concurrency() {
        return loopStatus().concurrency();
    }

    public long lag() {
        return loopStatus().lag();
    }

    public int queued() {
        return loopStatus().queued();
    }

    public long coldStarts() {
        return lf.coldStarts();
    }

    public long promotions() {
        return lf.promotions();
    }

    public long crashes() {
        return lf.crashes();
    }

    public List<Sample> history() {
        return loop.history(ref).stream()
                .map(s -> new Sample(
                        s.epochMillis(),
                        s.ready(),
                        s.warm(),
                        s.desired(),
                        s.concurrency(),
                        s.rps(),
                        s.lag(),
                        s.queued(),
                        s.panicking(),
                        s.mode()))
                .toList();
    }

    public FunctionStatus status() {
        LoopStatus s = loopStatus();
        List<InstanceStatus> instances =
                lf.instances().all().stream().map(StatusView::instance).toList();
        return new FunctionStatus(
                lf.name(),
                lf.definition().artifact().toString(),
                s.ready(),
                s.warm(),
                s.starting(),
                s.desired(),
                s.mode(),
                s.panicking(),
                s.concurrency(),
                s.rps(),
                s.lag(),
                s.queued(),
                lf.coldStarts(),
                lf.warmStarts(),
                lf.promotions(),
                lf.crashes(),
                lf.lastCrash(),
                s.reasons(),
                instances,
                lf.launch().mode(),
                lf.launch().reason(),
                coldStart(),
                ColdStartText.requests(coldStart()));
    }

    private static InstanceStatus instance(ManagedInstance i) {
        StatsReport s = i.stats();
        return new InstanceStatus(
                i.id(),
                i.role().name().toLowerCase(),
                i.state().name().toLowerCase(),
                i.handle().port(),
                i.handle().pid(),
                s.inFlight(),
                round(s.averageConcurrency()),
                s.requestsTotal(),
                i.generation(),
                i.handle().log() == null ? null : i.handle().log().toString(),
                i.handle().launch().mode(),
                i.startupNanos() < 0 ? -1 : i.startupNanos() / 1_000_000,
                i.reportedStartupMillis());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
