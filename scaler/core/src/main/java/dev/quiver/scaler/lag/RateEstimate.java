package dev.quiver.scaler.lag;

/**
 * Rates measured between two lag observations, in messages per second.
 *
 * @param incoming    growth of the log-end offsets (what producers write)
 * @param consumed    growth of the committed offsets (what the group consumes)
 * @param perInstance consume capacity of one instance, last measured while a backlog was left (instances busy);
 *                    NaN until known
 */
public record RateEstimate(double incoming, double consumed, double perInstance) {
    public boolean capacityKnown() {
        return !Double.isNaN(perInstance) && perInstance > 0;
    }
}
