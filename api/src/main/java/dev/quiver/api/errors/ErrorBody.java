package dev.quiver.api.errors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error Quiver itself answers (the activator, the control API, the runtime's own errors):
 * {@code {"status":504,"error":"timeout","message":"...","function":"hello"}}. One shape everywhere, so a client
 * reads {@code error} (a stable code) and shows {@code message} (for people).
 *
 * @param status the HTTP status, repeated for clients that only see the body
 * @param error a stable, machine-readable code: {@code not_found}, {@code overloaded}, {@code timeout},
 *     {@code too_large}, {@code bad_request}, {@code instance_failed}, {@code unauthorized}, ...
 * @param message what happened and what to do, for people
 * @param function the function the request was for, when there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, String message, String function) {

    public static ErrorBody of(int status, String error, String message) {
        return new ErrorBody(status, error, message, null);
    }
}
