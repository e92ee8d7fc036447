package dev.quiver.runtime.kafka;

import jakarta.inject.Singleton;

/** Counters of the Kafka trigger, when there is one (no messaging types here: present in every app). */
@Singleton
public class KafkaTriggerStats {

    private volatile RecordProcessor processor;

    void attach(RecordProcessor processor) {
        this.processor = processor;
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
