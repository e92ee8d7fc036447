package dev.quiver.local.loop;

import dev.quiver.api.control.ColdStart;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.api.control.InstanceStatus;
import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.coldstart.ColdStartText;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopStatus;
import dev.quiver.control.loop.Sample;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.warmpool.ManagedInstance;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only view of one function for the status API, the meters and the history; safe from any thread. The
 * scaling figures (ready, warm, desired, mode, concurrency, lag, reasons) are the loop's: those its last decision
 * used. It answers the control API's records ({@link FunctionStatus}, {@link InstanceStatus}) directly.
 */
public final class StatusView {
    private final FunctionLoop loop;
    private final String name;
    private final Supplier<LocalFunction> primary;
    private final ColdStartRecorder recorder;
    private volatile LocalFunction lf;
    private volatile FunctionRef ref;

    /**
     * @param name    the function's name
     * @param primary the revision that takes most of its traffic now (its instances, scaling and cold starts are
     *                shown); may change between calls
     */
    StatusView(FunctionLoop loop, String name, Supplier<LocalFunction> primary, ColdStartRecorder recorder) {
        this.loop = loop;
        this.name = name;
        this.primary = primary;
        this.recorder = recorder;
        refresh();
    }

    private synchronized void refresh() {
        LocalFunction now = primary.get();
        if (now != null && now != lf) {
            lf = now;
            ref = FunctionRef.local(now.name());
        }
    }

    /** The primary revision's name. */
    public String revision() {
        return lf.name();
    }

    private LoopStatus loopStatus() {
        refresh();
        return loop.status(ref).orElse(new LoopStatus(ref, 0, 0, 0, 0, "proxy", false, 0, 0, -1, 0, List.of()));
    }

    public LaunchInfo launch() {
        return lf.launch();
    }

    public ColdStart coldStart() {
        return recorder.snapshot(name);
    }

    public String name() {
        return name;
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
        refresh();
        return lf.coldStarts();
    }

    public long promotions() {
        return lf.promotions();
    }

    public long crashes() {
        return lf.crashes();
    }

    public List<Sample> history() {
        return loop.history(ref);
    }

    public FunctionStatus status() {
        LoopStatus s = loopStatus();
        ColdStart coldStart = coldStart();
        List<InstanceStatus> instances =
                lf.instances().all().stream().map(StatusView::instance).toList();
        return new FunctionStatus(
                name,
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
                coldStart,
                ColdStartText.requests(coldStart),
                null);
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
