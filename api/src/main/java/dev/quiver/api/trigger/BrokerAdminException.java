package dev.quiver.api.trigger;

import java.net.URI;

/**
 * The broker's admin API refused a request or did not answer.
 *
 * @param status the HTTP status, 0 when the broker did not answer (connection refused, timeout)
 * @param error  the broker's error message ({@code error} of its JSON body), or the body, or the I/O error
 */
public final class BrokerAdminException extends RuntimeException {
    private final URI broker;
    private final int status;
    private final String error;

    public BrokerAdminException(URI broker, String what, int status, String error, Throwable cause) {
        super(
                "broker " + broker + ": " + what + (status == 0 ? " got no answer: " : " answered " + status + ": ")
                        + error,
                cause);
        this.broker = broker;
        this.status = status;
        this.error = error;
    }

    public URI broker() {
        return broker;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** The broker refused the trigger itself (400): {@link #error()} names the field; retrying will not help. */
    public boolean invalid() {
        return status == 400;
    }

    /** The broker was not reached or failed (no answer, 5xx): worth retrying later. */
    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
