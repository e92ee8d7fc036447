package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One function as {@code GET /v1/functions/{name}} (and each element of {@code GET /v1/functions}) returns it: built
 * by the local platform's status view, read by the CLI.
 *
 * @param launch the launch mode of its latest instance ({@code jdk25-aot}, {@code jdk17-appcds}, ...)
 * @param lag the Kafka lag of its trigger, -1 when it has none
 * @param coldStartText the cold-start line {@code quiver status} shows ({@code warm 1/1 p50 31ms (...)})
 * @param trigger its broker trigger as last applied, null when it has none (or the backend does not report it)
 * @param direct its direct address, null when the backend gives none (turned off, or not the local backend)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionStatus(
        String name,
        String artifact,
        int ready,
        int warm,
        int starting,
        int desired,
        String mode,
        boolean panicking,
        double concurrency,
        double rps,
        long lag,
        int queued,
        long coldStarts,
        long warmStarts,
        long promotions,
        long crashes,
        String lastCrash,
        List<String> reasons,
        List<InstanceStatus> instances,
        String launch,
        String launchReason,
        ColdStart coldStart,
        String coldStartText,
        TriggerStatus trigger,
        DirectAddress direct) {

    /** Without a direct address. */
    public FunctionStatus(
            String name,
            String artifact,
            int ready,
            int warm,
            int starting,
            int desired,
            String mode,
            boolean panicking,
            double concurrency,
            double rps,
            long lag,
            int queued,
            long coldStarts,
            long warmStarts,
            long promotions,
            long crashes,
            String lastCrash,
            List<String> reasons,
            List<InstanceStatus> instances,
            String launch,
            String launchReason,
            ColdStart coldStart,
            String coldStartText,
            TriggerStatus trigger) {
        this(
                name,
                artifact,
                ready,
                warm,
                starting,
                desired,
                mode,
                panicking,
                concurrency,
                rps,
                lag,
                queued,
                coldStarts,
                warmStarts,
                promotions,
                crashes,
                lastCrash,
                reasons,
                instances,
                launch,
                launchReason,
                coldStart,
                coldStartText,
                trigger,
                null);
    }

    /** This status with its broker trigger's state; null = none. */
    public FunctionStatus withTrigger(TriggerStatus t) {
        return new FunctionStatus(
                name,
                artifact,
                ready,
                warm,
                starting,
                desired,
                mode,
                panicking,
                concurrency,
                rps,
                lag,
                queued,
                coldStarts,
                warmStarts,
                promotions,
                crashes,
                lastCrash,
                reasons,
                instances,
                launch,
                launchReason,
                coldStart,
                coldStartText,
                t,
                direct);
    }

    /** This status with its direct address; null = none. */
    public FunctionStatus withDirect(DirectAddress d) {
        return new FunctionStatus(
                name,
                artifact,
                ready,
                warm,
                starting,
                desired,
                mode,
                panicking,
                concurrency,
                rps,
                lag,
                queued,
                coldStarts,
                warmStarts,
                promotions,
                crashes,
                lastCrash,
                reasons,
                instances,
                launch,
                launchReason,
                coldStart,
                coldStartText,
                trigger,
                d);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public FunctionStatus {
        coldStart = coldStart == null ? ColdStart.NONE : coldStart;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
