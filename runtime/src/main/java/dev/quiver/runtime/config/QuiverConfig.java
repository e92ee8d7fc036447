package dev.quiver.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Every setting of the Quiver function runtime, under the {@code quiver.} prefix. Read once at start-up and turned
 * into a validated {@link RuntimeSettings}; a bad value stops start-up with a message naming the key.
 */
@ConfigMapping(prefix = "quiver")
public interface QuiverConfig {

    /** Hard limit of requests processed at once by this instance (Knative's containerConcurrency); 0 = unlimited. */
    @WithDefault("0")
    int containerConcurrency();

    /** Requests allowed to wait when the limit is reached; default 10 x container-concurrency. */
    OptionalInt queueDepth();

    /** Seconds announced in Retry-After on 503 answers (queue full, draining). */
    @WithDefault("1")
    int retryAfterSeconds();

    /** Path of the JSON stats endpoint the scaler polls. */
    @WithDefault("/quiver/stats")
    String statsPath();

    Drain drain();

    Warmup warmup();

    interface Drain {
        /** Longest wait on shutdown for in-flight and queued requests to finish. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Warmup {
        /** Sample inputs per function (JSON), e.g. {@code quiver.warmup.inputs.hello={"name":"warm-up"}}. */
        Map<String, String> inputs();

        /** Invocations of each function with its sample input before the instance reports ready. */
        @WithDefault("50")
        int iterations();

        /** Longest time the warm-up may take; readiness comes up after it either way. */
        @WithDefault("30s")
        Duration timeout();
    }
}
