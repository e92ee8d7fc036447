package dev.quiver.control.loop;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} samples of a function. Thread-safe. */
public final class History {
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final int capacity;

    public History(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Sample s) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(s);
    }

    public synchronized List<Sample> snapshot() {
        return List.copyOf(samples);
    }
}
