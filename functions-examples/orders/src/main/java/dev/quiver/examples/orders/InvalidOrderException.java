package dev.quiver.examples.orders;

import java.util.List;

/** An order that fails validation; its message lists every problem (it ends up in the dead-letter headers). */
public class InvalidOrderException extends IllegalArgumentException {

    public InvalidOrderException(List<String> problems) {
        super("invalid order: " + String.join("; ", problems));
    }
}
