package dev.quiver.runtime.http;

/** Plain words for the statuses Funqy fails a request with, so clients learn what to change. */
final class ErrorStatus {

    private ErrorStatus() {}

    static String error(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "unsupported_media_type";
            case 409 -> "ambiguous_event_type";
            default -> status >= 500 ? "function_failed" : "request_failed";
        };
    }

    static String message(int status, String function, String path) {
        return switch (status) {
            case 400 ->
                "The request body could not be read as the input of function '" + function
                        + "' (expect JSON matching its parameter, or a CloudEvent whose data does).";
            case 404 -> "No function matches " + path + " (or the event's type).";
            case 405 -> "Use POST (or GET with query parameters) to invoke function '" + function + "'.";
            case 406 ->
                "Send application/json, a binary-mode CloudEvent (ce-* headers) or "
                        + "application/cloudevents+json; batched events are not accepted by a function.";
            case 409 -> "The event's type matches more than one function; map each type to one function.";
            default -> "Function '" + function + "' failed with status " + status + ".";
        };
    }
}
