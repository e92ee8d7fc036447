package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One instance of a function in {@link FunctionStatus#instances()}.
 *
 * @param role {@code active} or {@code pool}
 * @param state {@code starting}, {@code ready}, {@code draining}, ...
 * @param startupMillis spawn to ready as the platform measured it, -1 before ready
 * @param reportedStartupMillis process start to ready as the instance reported it, -1 until known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceStatus(
        String id,
        String role,
        String state,
        int port,
        long pid,
        int inFlight,
        double concurrency,
        long requests,
        int generation,
        String log,
        String launch,
        long startupMillis,
        long reportedStartupMillis) {}
