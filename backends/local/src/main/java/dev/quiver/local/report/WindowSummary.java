package dev.quiver.local.report;

import dev.quiver.control.loop.Sample;
import java.util.List;

/** What happened to a function since a moment: the figures the demo checks. */
public record WindowSummary(
        int samples,
        int maxReady,
        int maxDesired,
        int lastReady,
        int lastWarm,
        int lastDesired,
        boolean panicked,
        double maxConcurrency,
        long maxLag,
        long lastLag) {

    public static WindowSummary of(List<Sample> history, long sinceMillis) {
        int n = 0;
        int maxReady = 0;
        int maxDesired = 0;
        boolean panicked = false;
        double maxConcurrency = 0;
        long maxLag = -1;
        Sample last = null;
        for (Sample s : history) {
            if (s.epochMillis() < sinceMillis) {
                continue;
            }
            n++;
            maxReady = Math.max(maxReady, s.ready());
            maxDesired = Math.max(maxDesired, s.desired());
            panicked |= s.panicking();
            maxConcurrency = Math.max(maxConcurrency, s.concurrency());
            maxLag = Math.max(maxLag, s.lag());
            last = s;
        }
        return new WindowSummary(
                n,
                maxReady,
                maxDesired,
                last == null ? 0 : last.ready(),
                last == null ? 0 : last.warm(),
                last == null ? 0 : last.desired(),
                panicked,
                maxConcurrency,
                maxLag,
                last == null ? -1 : last.lag());
    }

    /** {@code key=value} lines, easy to read from a shell script. */
    public String toText() {
        return "samples=" + samples + "\nmaxReady=" + maxReady + "\nmaxDesired=" + maxDesired + "\nlastReady="
                + lastReady + "\nlastWarm=" + lastWarm + "\nlastDesired=" + lastDesired + "\npanicked=" + panicked
                + "\nmaxConcurrency=" + maxConcurrency + "\nmaxLag=" + maxLag + "\nlastLag=" + lastLag + "\n";
    }
}
