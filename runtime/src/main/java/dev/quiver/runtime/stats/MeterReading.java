package dev.quiver.runtime.stats;

/**
 * One reading of a {@link ConcurrencyMeter}.
 *
 * @param atMicros when it was taken, microseconds since the meter's origin
 * @param requestMicros integral of requests inside the instance over time, in request-microseconds
 * @param inside requests inside the instance at that moment (processing or waiting)
 * @param arrivals requests that arrived since the origin
 */
public record MeterReading(long atMicros, long requestMicros, long inside, long arrivals) {

    /** Time-averaged number of requests inside the instance between {@code earlier} and this reading. */
    public double averageSince(MeterReading earlier) {
        long span = atMicros - earlier.atMicros;
        return span <= 0 ? inside : (double) (requestMicros - earlier.requestMicros) / span;
    }

    /** Arrivals per second between {@code earlier} and this reading. */
    public double rateSince(MeterReading earlier) {
        long span = atMicros - earlier.atMicros;
        return span <= 0 ? 0.0 : (arrivals - earlier.arrivals) * 1_000_000.0 / span;
    }

    public double secondsSince(MeterReading earlier) {
        return (atMicros - earlier.atMicros) / 1_000_000.0;
    }
}
