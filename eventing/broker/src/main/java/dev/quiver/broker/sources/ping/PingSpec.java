package dev.quiver.broker.sources.ping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.broker.sources.InvalidSourceException;
import dev.quiver.broker.sources.SinkTarget;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * A PingSource's spec ({@code sources.knative.dev/v1}): {@code schedule} (cron, optional {@code CRON_TZ=} prefix,
 * which wins over {@code timezone}), {@code timezone} (default UTC), {@code contentType}, {@code data} or
 * {@code dataBase64} (not both), {@code sink}.
 */
public record PingSpec(CronSchedule schedule, ZoneId zone, String contentType, byte[] data, SinkTarget sink) {

    public static PingSpec parse(JsonNode spec) {
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(spec.path("schedule").asText(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException("spec.schedule: " + e.getMessage());
        }
        ZoneId zone = ZoneOffset.UTC;
        String tz = spec.path("timezone").asText("");
        if (!tz.isBlank()) {
            try {
                zone = CronSchedule.zone(tz);
            } catch (IllegalArgumentException e) {
                throw new InvalidSourceException("spec.timezone: " + e.getMessage());
            }
        }
        String data = spec.path("data").asText("");
        String base64 = spec.path("dataBase64").asText("");
        if (!data.isEmpty() && !base64.isEmpty()) {
            throw new InvalidSourceException("spec.data and spec.dataBase64: give one, not both");
        }
        byte[] bytes;
        try {
            bytes = base64.isEmpty()
                    ? data.getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException("spec.dataBase64: not base64: " + e.getMessage());
        }
        String contentType = spec.path("contentType").asText("");
        return new PingSpec(
                schedule,
                schedule.zone().orElse(zone),
                contentType.isBlank() ? null : contentType,
                bytes,
                SinkTarget.parse("spec.sink", spec.get("sink")));
    }
}
