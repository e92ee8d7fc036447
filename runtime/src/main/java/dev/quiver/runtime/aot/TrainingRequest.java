package dev.quiver.runtime.aot;

import java.util.Map;

/** One request of the training mix: sent to the instance while the JVM records what the AOT cache keeps. */
public record TrainingRequest(String label, String method, String path, Map<String, String> headers, String body) {
    public TrainingRequest {
        headers = Map.copyOf(headers);
    }

    static TrainingRequest get(String path) {
        return new TrainingRequest("GET " + path, "GET", path, Map.of(), null);
    }
}
