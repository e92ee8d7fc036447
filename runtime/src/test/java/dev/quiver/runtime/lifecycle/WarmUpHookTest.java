package dev.quiver.runtime.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.runtime.testapp.RecordingWarmUp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app's warm-up hooks run once, before readiness; one that fails does not keep the instance from serving. */
@QuarkusTest
@TestProfile(WarmUpHookTest.WithHooks.class)
class WarmUpHookTest {

    public static class WithHooks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("test.warmup-hook", "true");
        }
    }

    @Test
    void hooksRunOnceWhileWarmingAndAFailingOneIsNotFatal() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        assertThat(RecordingWarmUp.phases()).containsExactly(InstanceState.Phase.WARMING);
        given().contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post("/greet")
                .then()
                .statusCode(200);
    }
}
