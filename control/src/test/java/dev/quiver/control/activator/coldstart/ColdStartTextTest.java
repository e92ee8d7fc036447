package dev.quiver.control.activator.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColdStartTextTest {
    static final long MS = 1_000_000;
    final ColdStartRecorder recorder = new ColdStartRecorder(ColdStartRecorder.Listener.NONE);

    @Test
    void showsEachKindWithItsShareAndTheMedianSplitIntoWaitAndServed() {
        recorder.request("hello", ServedBy.COLD, 790 * MS, 22 * MS);
        for (int i = 0; i < 4; i++) {
            recorder.request("hello", ServedBy.WARM, 29 * MS, 2 * MS + i * 100_000);
        }

        assertThat(ColdStartText.requests(recorder.snapshot("hello")))
                .isEqualTo("cold 1/5 p50 812ms (wait 790 + served 22), warm 4/5 p50 31ms (wait 29 + served 2.1)");
    }

    @Test
    void nothingRecordedIsADash() {
        assertThat(ColdStartText.requests(recorder.snapshot("idle"))).isEqualTo("-");
        assertThat(ColdStartText.startups(recorder.snapshot("idle"))).isEqualTo("-");
    }

    @Test
    void startUpsShowThePlatformsMeasurementPerLaunchAndRole() {
        recorder.startup("hello", "jdk17-appcds", "pool", "platform", 1432 * MS);
        recorder.startup("hello", "jdk17-appcds", "pool", "instance", 1300 * MS);

        assertThat(ColdStartText.startups(recorder.snapshot("hello")))
                .isEqualTo("jdk17-appcds/pool p50 1432ms max 1432ms (n=1)");
    }
}
