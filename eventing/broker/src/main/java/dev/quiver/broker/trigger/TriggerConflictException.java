package dev.quiver.broker.trigger;

public class TriggerConflictException extends RuntimeException {

    public TriggerConflictException(String name) {
        super("trigger '" + name + "' already exists; delete it first");
    }
}
