package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A process the local platform supervises (Kafka, the broker, the sources), as {@code GET /v1/platform/components}
 * lists it.
 *
 * @param state {@code starting}, {@code ready}, {@code restarting}, {@code failed} (gave up), {@code stopped}
 * @param pid the live process, -1 when none
 * @param restarts restarts after crashes since the platform started
 * @param lastExit the last crash ({@code exit 1 after 12 s}), null when none
 * @param log its log file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentStatus(String name, String state, long pid, int restarts, String lastExit, String log) {

    public boolean ready() {
        return "ready".equals(state);
    }
}
