package dev.quiver.broker.sources.ping;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which slots of a PingSource are due. Pure.
 * <p>
 * Knative's PingSource adapter (mt-ping) keeps its schedules in memory (robfig/cron): slots that pass while it is
 * down are not fired, and nothing stops a restarted adapter from firing a slot again. Quiver records each fired
 * slot durably and, on start, fires the slots missed since then, bounded: at most {@code maxCatchUp} of them and
 * none older than {@code window} before now (the most recent ones win); the rest are counted as skipped.
 */
public final class PingSlots {

    private PingSlots() {}

    /**
     * @param since    the last fired slot, or when the source was created (slots after it are due)
     * @param now      the current time
     * @param maxCatchUp most slots returned at once (at least 1: the current slot)
     * @param window   slots older than {@code now - window} are skipped
     */
    public record Decision(List<Instant> due, int skipped, Instant next) {}

    /** {@code skipped} counts every slot dropped from the catch-up; slots jumped over before the window count once. */
    public static Decision nextSlots(
            CronSchedule schedule, ZoneId zone, Instant since, Instant now, int maxCatchUp, Duration window) {
        Instant oldest = now.minus(window);
        Deque<Instant> due = new ArrayDeque<>();
        int skipped = 0;
        Instant slot = schedule.next(since, zone);
        while (!slot.isAfter(now)) {
            if (slot.isBefore(oldest)) {
                skipped++;
            } else {
                due.addLast(slot);
                if (due.size() > Math.max(1, maxCatchUp)) {
                    due.removeFirst();
                    skipped++;
                }
            }
            // a schedule of every second over a long outage: jump to the window instead of walking it
            slot = schedule.next(slot.isBefore(oldest) ? max(slot, oldest.minusMillis(1)) : slot, zone);
        }
        return new Decision(List.copyOf(due), skipped, slot);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
