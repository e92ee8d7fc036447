package dev.quiver.runtime.aot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The request mix an AOT cache is trained on, from the app's own sample inputs ({@code quiver.warmup.inputs.<fn>}):
 * per function a plain JSON call, a binary-mode and a structured-mode CloudEvent, and a malformed body (the 400
 * path); per round the probes and the stats the platform reads; the Prometheus scrape every tenth round. What a
 * serving instance does, so the cache holds the request path and not only start-up.
 */
public final class TrainingMix {
    static final String INPUT_PREFIX = "quiver.warmup.inputs.";
    static final String TYPE = "dev.quiver.aot.training";
    static final String SOURCE = "/quiver/aot-training";

    private TrainingMix() {}

    /** Sample inputs by function name, from the app's configuration (application.properties). */
    public static Map<String, String> inputs(Properties appConfig) {
        Map<String, String> inputs = new TreeMap<>();
        for (String key : appConfig.stringPropertyNames()) {
            if (key.startsWith(INPUT_PREFIX) && key.length() > INPUT_PREFIX.length()) {
                inputs.put(key.substring(INPUT_PREFIX.length()), appConfig.getProperty(key));
            }
        }
        return inputs;
    }

    /** The requests of round {@code round} (0-based). */
    public static List<TrainingRequest> round(Map<String, String> inputs, int round) {
        List<TrainingRequest> requests = new ArrayList<>();
        inputs.forEach((fn, input) -> requests.addAll(forFunction(fn, input, round)));
        requests.add(TrainingRequest.get("/q/health/ready"));
        requests.add(TrainingRequest.get("/q/health/live"));
        requests.add(TrainingRequest.get("/quiver/stats"));
        if (round % 10 == 0) {
            requests.add(TrainingRequest.get("/q/metrics"));
        }
        return requests;
    }

    static List<TrainingRequest> forFunction(String fn, String input, int round) {
        String path = "/" + fn;
        String id = "aot-" + fn + "-" + round;
        Map<String, String> binary = new LinkedHashMap<>();
        binary.put("Content-Type", "application/json");
        binary.put("ce-specversion", "1.0");
        binary.put("ce-id", id);
        binary.put("ce-type", TYPE);
        binary.put("ce-source", SOURCE);
        String structured = "{\"specversion\":\"1.0\",\"id\":\"" + id + "-s\",\"type\":\"" + TYPE + "\",\"source\":\""
                + SOURCE + "\",\"datacontenttype\":\"application/json\",\"data\":" + input + "}";
        return List.of(
                new TrainingRequest(fn + " json", "POST", path, Map.of("Content-Type", "application/json"), input),
                new TrainingRequest(fn + " binary-ce", "POST", path, binary, input),
                new TrainingRequest(
                        fn + " structured-ce",
                        "POST",
                        path,
                        Map.of("Content-Type", "application/cloudevents+json"),
                        structured),
                new TrainingRequest(fn + " malformed", "POST", path, Map.of("Content-Type", "application/json"), "{"));
    }
}
