package dev.quiver.broker.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronScheduleTest {

    static Stream<Arguments> nextSlots() {
        return Stream.of(
                // schedule, spec.timezone, after, expected next slot
                Arguments.of("*/2 * * * *", "UTC", "2026-11-28T10:00:30Z", "2026-11-28T10:02:00Z"),
                Arguments.of("* * * * *", "UTC", "2026-11-28T10:00:00Z", "2026-11-28T10:01:00Z"),
                Arguments.of("0 9 * * 1-5", "UTC", "2026-11-28T10:00:00Z", "2026-11-30T09:00:00Z"),
                Arguments.of("0 9 * * MON-FRI", "UTC", "2026-11-27T08:59:59Z", "2026-11-27T09:00:00Z"),
                Arguments.of("0 0 * * 7", "UTC", "2026-11-28T10:00:00Z", "2026-11-29T00:00:00Z"),
                Arguments.of("0 0 * * 0", "UTC", "2026-11-28T10:00:00Z", "2026-11-29T00:00:00Z"),
                Arguments.of("@yearly", "UTC", "2026-11-28T10:00:00Z", "2027-01-01T00:00:00Z"),
                Arguments.of("@hourly", "UTC", "2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z"),
                Arguments.of("15 10 * jan,FEB *", "UTC", "2026-11-28T10:00:00Z", "2027-01-01T10:15:00Z"),
                Arguments.of("0 0 29 2 *", "UTC", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
                Arguments.of("5/20 * * * *", "UTC", "2026-11-28T10:06:00Z", "2026-11-28T10:25:00Z"),
                // day-of-month and day-of-week both restricted: either matches (Friday 4 Dec before the 13th)
                Arguments.of("0 0 13 * 5", "UTC", "2026-11-28T10:00:00Z", "2026-12-04T00:00:00Z"),
                Arguments.of("0 0 1 * MON", "UTC", "2026-11-28T10:00:00Z", "2026-11-30T00:00:00Z"),
                // one of them starred (robfig: starts with '*'): both must match (a Monday that is a 1st, 8th...)
                Arguments.of("0 0 */7 * MON", "UTC", "2026-11-28T10:00:00Z", "2027-02-01T00:00:00Z"),
                // spec.timezone
                Arguments.of("0 9 * * *", "Europe/Berlin", "2026-11-28T10:00:00Z", "2026-11-29T08:00:00Z"),
                // the CRON_TZ= / TZ= prefix wins over spec.timezone
                Arguments.of(
                        "CRON_TZ=Asia/Tokyo 0 9 * * *",
                        "Europe/Berlin",
                        "2026-11-28T10:00:00Z",
                        "2026-11-29T00:00:00Z"),
                Arguments.of("TZ=UTC 0 9 * * *", "Europe/Berlin", "2026-11-28T10:00:00Z", "2026-11-29T09:00:00Z"),
                // spring forward (New York, 8 Mar 2026, 02:00 -> 03:00): 02:30 does not exist that day, skipped
                Arguments.of("30 2 * * *", "America/New_York", "2026-03-08T05:00:00Z", "2026-03-09T06:30:00Z"),
                Arguments.of("30 3 * * *", "America/New_York", "2026-03-08T05:00:00Z", "2026-03-08T07:30:00Z"),
                // fall back (New York, 1 Nov 2026, 02:00 EDT -> 01:00 EST): 01:30 exists twice, both fire
                Arguments.of("30 1 * * *", "America/New_York", "2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z"),
                Arguments.of("30 1 * * *", "America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"),
                Arguments.of("30 1 * * *", "America/New_York", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"),
                // in the repeated hour wall-clock order is not instant order: 01:30 EDT before 01:00 EST
                Arguments.of("0,30 1 * * *", "America/New_York", "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z"),
                Arguments.of("0,30 1 * * *", "America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"),
                // @every: multiples of the period since the epoch
                Arguments.of("@every 2s", "UTC", "2026-11-28T10:00:01.500Z", "2026-11-28T10:00:02Z"),
                Arguments.of("@every 1h30m", "UTC", "2026-11-28T10:00:00Z", "2026-11-28T10:30:00Z"));
    }

    @ParameterizedTest(name = "{0} in {1} after {2} -> {3}")
    @MethodSource
    void nextSlots(String schedule, String zone, String after, String expected) {
        assertThat(CronSchedule.parse(schedule).next(Instant.parse(after), ZoneId.of(zone)))
                .isEqualTo(Instant.parse(expected));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", "must not be empty"),
                Arguments.of("* * * *", "expected 5 fields"),
                Arguments.of("0 * * * * *", "expected 5 fields"),
                Arguments.of("60 * * * *", "minute '60': 60 is outside 0-59"),
                Arguments.of("* 24 * * *", "hour '24'"),
                Arguments.of("* * 0 * *", "day-of-month '0'"),
                Arguments.of("* * * 13 *", "month '13'"),
                Arguments.of("* * * * 8", "day-of-week '8'"),
                Arguments.of("5-1 * * * *", "runs backwards"),
                Arguments.of("*/0 * * * *", "0 is outside"),
                Arguments.of("x * * * *", "'x' is not a number"),
                Arguments.of("* * * foo *", "'foo' is not a number or a name"),
                Arguments.of("@fortnightly", "unknown descriptor"),
                Arguments.of("@every 0s", "at least 1s"),
                Arguments.of("@every soon", "@every needs a duration"),
                Arguments.of("CRON_TZ=Mars/Olympus * * * * *", "unknown time zone 'Mars/Olympus'"),
                Arguments.of("TZ=UTC", "must be followed by the schedule"));
    }

    @ParameterizedTest(name = "''{0}'' refused: {1}")
    @MethodSource
    void refused(String schedule, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void thePrefixZoneIsReported() {
        assertThat(CronSchedule.parse("CRON_TZ=Europe/Paris 0 * * * *").zone()).contains(ZoneId.of("Europe/Paris"));
        assertThat(CronSchedule.parse("0 * * * *").zone()).isEmpty();
        assertThat(CronSchedule.parse("@daily").next(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }
}
