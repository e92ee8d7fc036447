package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.model.FunctionModel;
import java.util.List;

/**
 * What a Function makes outside the cluster: its broker trigger ({@code spec.triggers.broker}). The reconciler syncs
 * it at each reconcile and reports the outcome among the Function's conditions.
 */
public interface FunctionTriggers {
    /** Condition type of the function's broker trigger. */
    String BROKER_TRIGGER = "BrokerTriggerReady";

    /** Nothing outside the cluster (tests of the reconciler alone). */
    FunctionTriggers NONE = new FunctionTriggers() {
        @Override
        public List<Conditions.Wanted> sync(FunctionModel f) {
            return List.of();
        }

        @Override
        public void remove(String namespace, String function) {}
    };

    /**
     * Applies the function's broker trigger, or removes one it no longer has.
     *
     * @return the conditions reporting it; none when the function has no broker trigger
     */
    List<Conditions.Wanted> sync(FunctionModel f);

    /** The Function is gone: removes its broker trigger. */
    void remove(String namespace, String function);
}
