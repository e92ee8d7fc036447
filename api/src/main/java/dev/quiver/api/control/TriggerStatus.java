package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A function's broker trigger as the platform last applied it.
 *
 * @param state {@code ready} (the broker reports it ready), {@code not-ready} (applied, the broker not ready yet),
 *     {@code pending} (not applied yet) or {@code failed} (the last apply failed: see {@code error})
 * @param error the last apply's failure, null when it succeeded
 * @param lastApplied when it was last applied successfully (ISO-8601), null when never
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerStatus(String state, String error, String lastApplied) {

    /** The one line {@code quiver status} shows. */
    public String line() {
        return state + (lastApplied == null ? "" : ", applied " + lastApplied) + (error == null ? "" : ": " + error);
    }
}
