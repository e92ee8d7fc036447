package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@link FunctionStatus#coldStart()}: requests that found no ready instance, by who served them ({@code cold}: a
 * started instance, {@code warm}: a promoted pool instance), and instance start-ups.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ColdStart(Requests cold, Requests warm, List<Startups> startups) {
    public static final ColdStart NONE = new ColdStart(Requests.NONE, Requests.NONE, List.of());

    public ColdStart {
        cold = cold == null ? Requests.NONE : cold;
        warm = warm == null ? Requests.NONE : warm;
        startups = startups == null ? List.of() : List.copyOf(startups);
    }

    /** Requests that found no ready capacity, whoever served them. */
    public long requests() {
        return cold.count() + warm.count();
    }

    /** One kind of request: arrival to first byte, the wait for an instance, the time the instance took. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requests(Figures firstByte, Figures waiting, Figures served) {
        public static final Requests NONE = new Requests(Figures.NONE, Figures.NONE, Figures.NONE);

        public long count() {
            return firstByte == null ? 0 : firstByte.count();
        }
    }

    /** Start-ups of one launch mode and role as one party measured them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Startups(String launch, String role, String measuredBy, Figures figures) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(long count, double p50Ms, double p90Ms, double maxMs) {
        public static final Figures NONE = new Figures(0, 0, 0, 0);
    }
}
