package dev.quiver.control.activator.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The names and labels Prometheus scrapes (documented in docs/platform.md). */
class ColdStartMetersTest {
    static final long MS = 1_000_000;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ColdStartMeters meters = new ColdStartMeters(registry);

    @Test
    void aRequestRecordsWaitServedAndFirstByteHistogramsByWhoServedIt() {
        meters.request("hello", ServedBy.COLD, 790 * MS, 22 * MS);

        String text = registry.scrape();

        assertThat(text)
                .contains("quiver_coldstart_wait_seconds_bucket{function=\"hello\",served_by=\"cold\",le=\"1.0\",} 1.0")
                .contains("quiver_coldstart_wait_seconds_bucket{function=\"hello\",served_by=\"cold\",le=\"0.5\",} 0.0")
                .contains("quiver_coldstart_served_seconds_count{function=\"hello\",served_by=\"cold\",} 1.0")
                .contains("quiver_coldstart_first_byte_seconds_sum{function=\"hello\",served_by=\"cold\",} 0.812");
    }

    @Test
    void startUpsAreHistogramsByLaunchModeAndRoleOnePerMeasurer() {
        meters.startup("hello", "jdk25-aot", "pool", "platform", 300 * MS);
        meters.startup("hello", "jdk25-aot", "pool", "instance", 250 * MS);

        String text = registry.scrape();

        assertThat(text)
                .contains(
                        "quiver_instance_startup_seconds_count{function=\"hello\",launch=\"jdk25-aot\",role=\"pool\",}"
                                + " 1.0")
                .contains("quiver_instance_reported_startup_seconds_sum{function=\"hello\",launch=\"jdk25-aot\","
                        + "role=\"pool\",} 0.25");
    }

    @Test
    void aDeletedFunctionsMetersGo() {
        meters.request("hello", ServedBy.WARM, MS, MS);
        meters.request("other", ServedBy.WARM, MS, MS);

        meters.removed("hello");

        assertThat(registry.scrape()).doesNotContain("function=\"hello\"").contains("function=\"other\"");
    }
}
