package dev.quiver.api.activator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an activator answers on {@code GET /quiver/activator/load}: the requests it holds per function, so the loop
 * counts requests waiting in the activator as concurrency on both backends (locally the loop reads it in process).
 *
 * @param functions one entry per function the activator holds or forwards requests for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivatorLoad(List<FunctionLoad> functions) {

    public static final String PATH = "/quiver/activator/load";

    /**
     * @param namespace the function's namespace ({@code ""} on the local backend)
     * @param function the function's name
     * @param queued requests waiting for an instance slot
     * @param inFlight requests forwarded and not yet answered
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunctionLoad(String namespace, String function, int queued, int inFlight) {}
}
