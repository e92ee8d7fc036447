package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What happened to a function since a moment ({@code GET /v1/functions/{name}/summary?since=<epoch ms>}): the
 * figures the demo checks.
 *
 * @param samples history samples in the window (one per scrape)
 * @param maxLag the highest Kafka lag seen, -1 when the function has no Kafka trigger
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionSummary(
        int samples,
        int maxReady,
        int maxDesired,
        int lastReady,
        int lastWarm,
        int lastDesired,
        boolean panicked,
        double maxConcurrency,
        long maxLag,
        long lastLag) {}
