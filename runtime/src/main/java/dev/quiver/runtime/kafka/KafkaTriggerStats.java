package dev.quiver.runtime.kafka;

import jakarta.inject.Singleton;

/** Counters of the Kafka trigger, when there is one (no messaging types here: present in every app). */
@Singleton
public class KafkaTriggerStats {

    private volatile RecordProcessor processor;
    private volatile OrderedLanes<?> lanes;

    void attach(RecordProcessor processor, OrderedLanes<?> lanes) {
        this.processor = processor;
        this.lanes = lanes;
    }

    /** Records taken from the topic and not yet done. */
    public int pending() {
        return lanes == null ? 0 : lanes.pending();
    }

    public boolean active() {
        return processor != null;
    }

    public long processed() {
        return processor == null ? 0 : processor.done();
    }

    public long retried() {
        return processor == null ? 0 : processor.retried();
    }

    public long deadLettered() {
        return processor == null ? 0 : processor.deadLettered();
    }
}
