package dev.quiver.scaler.warmpool;

/** What the instance backend should do this tick. Promotion takes milliseconds; a cold start takes seconds. */
public sealed interface PoolAction {
    /** Short text for logs and the simulator's output, e.g. {@code promote i7}. */
    String describe();

    /** Move a pool instance into traffic. */
    record Promote(String id) implements PoolAction {
        public String describe() {
            return "promote " + id;
        }
    }

    /** Cold-start new instances straight into traffic (the pool had none left). */
    record StartActive(int count) implements PoolAction {
        public String describe() {
            return "start " + count;
        }
    }

    /** Start instances into the pool (refill). */
    record StartWarm(int count) implements PoolAction {
        public String describe() {
            return "start-warm " + count;
        }
    }

    /** Take an active instance out of traffic, let it drain, and keep it in the pool (the pool was short). */
    record ReturnToPool(String id) implements PoolAction {
        public String describe() {
            return "return-to-pool " + id;
        }
    }

    /** Drain and stop an instance. */
    record Stop(String id) implements PoolAction {
        public String describe() {
            return "stop " + id;
        }
    }
}
