package dev.quiver.runtime.stats;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small ring of past meter readings, filled by a periodic tick, so that a stats request at any moment can report
 * the last second (or the nearest span the ring holds) without waiting.
 */
public final class ReadingHistory {

    private final AtomicReferenceArray<MeterReading> ring;
    private volatile int next;

    public ReadingHistory(int size) {
        this.ring = new AtomicReferenceArray<>(size);
    }

    /** Called by one ticking thread only. */
    public void record(MeterReading reading) {
        int slot = next;
        ring.set(slot, reading);
        next = (slot + 1) % ring.length();
    }

    /**
     * The newest reading taken at least {@code windowMicros} before {@code now}, or the oldest one held when none is
     * that old; {@code null} before the first tick.
     */
    public MeterReading baselineFor(MeterReading now, long windowMicros) {
        MeterReading best = null;
        MeterReading oldest = null;
        for (int i = 0; i < ring.length(); i++) {
            MeterReading r = ring.get(i);
            if (r == null || r.atMicros() > now.atMicros()) {
                continue;
            }
            if (oldest == null || r.atMicros() < oldest.atMicros()) {
                oldest = r;
            }
            boolean oldEnough = now.atMicros() - r.atMicros() >= windowMicros;
            if (oldEnough && (best == null || r.atMicros() > best.atMicros())) {
                best = r;
            }
        }
        return best != null ? best : oldest;
    }
}
