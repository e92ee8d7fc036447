package dev.quiver.local.activator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gates of all deployed functions, by name: written by the control loop, read by the activator. */
public final class Gates {
    private final Map<String, FunctionGate> gates = new ConcurrentHashMap<>();

    public FunctionGate get(String function) {
        return gates.get(function);
    }

    public void put(FunctionGate gate) {
        gates.put(gate.name(), gate);
    }

    public void remove(String function) {
        FunctionGate g = gates.remove(function);
        if (g != null) {
            g.close();
        }
    }
}
