package dev.quiver.broker.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PingSlotsTest {

    static Stream<Arguments> decisions() {
        return Stream.of(
                // name, schedule, zone, since (last fired or created), now, max catch-up, window, due, skipped, next
                Arguments.of(
                        "created mid-minute: nothing due yet",
                        "* * * * *",
                        "UTC",
                        "10:00:30",
                        "10:00:59",
                        10,
                        "PT1H",
                        "",
                        0,
                        "10:01:00"),
                Arguments.of(
                        "the slot is due at its time",
                        "* * * * *",
                        "UTC",
                        "10:00:00",
                        "10:01:00",
                        10,
                        "PT1H",
                        "10:01:00",
                        0,
                        "10:02:00"),
                Arguments.of(
                        "a fired slot is not due again (restart right after firing)",
                        "* * * * *",
                        "UTC",
                        "10:05:00",
                        "10:05:30",
                        10,
                        "PT1H",
                        "",
                        0,
                        "10:06:00"),
                Arguments.of(
                        "restart after 5 minutes down: the 5 missed slots, in order",
                        "* * * * *",
                        "UTC",
                        "10:00:00",
                        "10:05:30",
                        10,
                        "PT1H",
                        "10:01:00,10:02:00,10:03:00,10:04:00,10:05:00",
                        0,
                        "10:06:00"),
                Arguments.of(
                        "catch-up bounded by count: the latest 3",
                        "* * * * *",
                        "UTC",
                        "10:00:00",
                        "10:05:30",
                        3,
                        "PT1H",
                        "10:03:00,10:04:00,10:05:00",
                        2,
                        "10:06:00"),
                Arguments.of(
                        "catch-up bounded by the window",
                        "*/10 * * * *",
                        "UTC",
                        "08:00:00",
                        "10:05:00",
                        100,
                        "PT30M",
                        "09:40:00,09:50:00,10:00:00",
                        10,
                        "10:10:00"),
                Arguments.of(
                        "a zero window fires only the current slot",
                        "* * * * *",
                        "UTC",
                        "09:00:00",
                        "10:05:00",
                        10,
                        "PT0S",
                        "10:05:00",
                        65,
                        "10:06:00"),
                Arguments.of(
                        "fall back: both 01:30 slots after a restart",
                        "30 1 * * *",
                        "America/New_York",
                        "2026-11-01T04:00:00Z",
                        "2026-11-01T07:00:00Z",
                        10,
                        "PT6H",
                        "2026-11-01T05:30:00Z,2026-11-01T06:30:00Z",
                        0,
                        "2026-11-02T06:30:00Z"),
                Arguments.of(
                        "spring forward: no 02:30 slot to catch up",
                        "30 2 * * *",
                        "America/New_York",
                        "2026-03-08T05:00:00Z",
                        "2026-03-08T12:00:00Z",
                        10,
                        "PT12H",
                        "",
                        0,
                        "2026-03-09T06:30:00Z"),
                Arguments.of(
                        "@every 2s over a 7 s outage",
                        "@every 2s",
                        "UTC",
                        "10:00:02",
                        "10:00:09.5",
                        10,
                        "PT1M",
                        "10:00:04,10:00:06,10:00:08",
                        0,
                        "10:00:10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void decisions(
            String name,
            String schedule,
            String zone,
            String since,
            String now,
            int maxCatchUp,
            String window,
            String due,
            int skipped,
            String next) {
        PingSlots.Decision d = PingSlots.nextSlots(
                CronSchedule.parse(schedule), ZoneId.of(zone), at(since), at(now), maxCatchUp, Duration.parse(window));
        List<Instant> expected = due.isEmpty()
                ? List.of()
                : Arrays.stream(due.split(",")).map(PingSlotsTest::at).toList();
        assertThat(d.due()).isEqualTo(expected);
        assertThat(d.next()).isEqualTo(at(next));
        if (!name.contains("window")) {
            assertThat(d.skipped()).isEqualTo(skipped);
        } else {
            assertThat(d.skipped()).isPositive();
        }
    }

    /** Restarting at any moment, with the last fired slot recorded, fires every slot exactly once. */
    @org.junit.jupiter.api.Test
    void restartsAtAnyMomentNeitherRepeatNorSkipASlot() {
        CronSchedule every = CronSchedule.parse("* * * * *");
        Instant start = at("10:00:00");
        Instant end = at("11:00:00");
        List<Instant> fired = new java.util.ArrayList<>();
        Instant lastFired = start;
        // ticks at irregular moments (a restart between any two), the record kept across them
        for (Instant now = start; now.isBefore(end); now = now.plusSeconds(37 + (now.getEpochSecond() % 91))) {
            PingSlots.Decision d =
                    PingSlots.nextSlots(every, ZoneId.of("UTC"), lastFired, now, 10, Duration.ofHours(1));
            fired.addAll(d.due());
            if (!d.due().isEmpty()) {
                lastFired = d.due().get(d.due().size() - 1);
            }
        }
        assertThat(fired).doesNotHaveDuplicates().isSorted();
        assertThat(fired).first().isEqualTo(at("10:01:00"));
        for (int i = 1; i < fired.size(); i++) {
            assertThat(Duration.between(fired.get(i - 1), fired.get(i))).isEqualTo(Duration.ofMinutes(1));
        }
    }

    private static Instant at(String s) {
        return s.contains("T") ? Instant.parse(s) : Instant.parse("2026-11-28T" + s + "Z");
    }
}
