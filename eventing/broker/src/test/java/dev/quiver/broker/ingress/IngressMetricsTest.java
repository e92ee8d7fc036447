package dev.quiver.broker.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IngressMetricsTest {

    @Test
    void countsEachBrokersResultsInItsOwnSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngressMetrics metrics = new IngressMetrics(registry);

        metrics.accepted("default", 10);
        metrics.accepted("default", 1);
        metrics.accepted("orders", 2);
        metrics.rejected("default");
        metrics.unavailable("orders");
        metrics.unavailable("orders");

        assertThat(count(registry, "default", "accepted")).isEqualTo(11);
        assertThat(count(registry, "orders", "accepted")).isEqualTo(2);
        assertThat(count(registry, "default", "rejected")).isEqualTo(1);
        assertThat(count(registry, "orders", "unavailable")).isEqualTo(2);
    }

    @Test
    void aResultThatNeverHappenedHasNoSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new IngressMetrics(registry).accepted("default", 1);

        assertThat(registry.find("quiver.ingress.events")
                        .tag("result", "rejected")
                        .counter())
                .isNull();
        assertThat(registry.find("quiver.ingress.events")
                        .tag("result", "unavailable")
                        .counter())
                .isNull();
    }

    private static double count(SimpleMeterRegistry registry, String broker, String result) {
        return registry.get("quiver.ingress.events")
                .tag("broker", broker)
                .tag("result", result)
                .counter()
                .count();
    }
}
