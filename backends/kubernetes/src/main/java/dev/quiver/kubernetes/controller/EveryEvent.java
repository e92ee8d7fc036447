package dev.quiver.kubernetes.controller;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler that sends every add, update (the new state) and delete to one callback; the informer's store
 * already holds the new state when it runs.
 */
public record EveryEvent<T>(Consumer<T> on) implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T obj) {
        on.accept(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        on.accept(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        on.accept(obj);
    }
}
