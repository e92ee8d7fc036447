package dev.quiver.runtime.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Quarkus's JVM and system binders are off at start; the runtime binds the same meters once the instance is ready. */
@QuarkusTest
class LateBindersTest {

    @Test
    void jvmAndSystemMetersAppearAfterReadiness() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                        .contains(
                                "jvm_memory_used_bytes",
                                "jvm_gc_",
                                "jvm_threads_live_threads",
                                "process_uptime_seconds",
                                "system_cpu_count"));
    }
}
