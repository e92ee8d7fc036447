package dev.quiver.runtime.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrainingMixTest {

    @Test
    void inputsAreTheAppsWarmUpSamples() {
        Properties p = new Properties();
        p.setProperty("quiver.warmup.inputs.hello", "{\"name\":\"w\"}");
        p.setProperty("quiver.warmup.inputs.bye", "\"x\"");
        p.setProperty("quiver.warmup.iterations", "20");
        p.setProperty("quiver.warmup.inputs.", "ignored");
        assertThat(TrainingMix.inputs(p))
                .containsExactly(Map.entry("bye", "\"x\""), Map.entry("hello", "{\"name\":\"w\"}"));
    }

    @Test
    void eachFunctionIsCalledAsJsonAsBothCloudEventModesAndWithABadBody() {
        List<TrainingRequest> round = TrainingMix.round(Map.of("hello", "{\"name\":\"w\"}"), 1);
        assertThat(round)
                .extracting(TrainingRequest::label)
                .containsExactly(
                        "hello json",
                        "hello binary-ce",
                        "hello structured-ce",
                        "hello malformed",
                        "GET /q/health/ready",
                        "GET /q/health/live",
                        "GET /quiver/stats");
        TrainingRequest binary = round.get(1);
        assertThat(binary.path()).isEqualTo("/hello");
        assertThat(binary.headers())
                .containsEntry("ce-specversion", "1.0")
                .containsEntry("ce-type", TrainingMix.TYPE)
                .containsKey("ce-id")
                .containsKey("ce-source");
        TrainingRequest structured = round.get(2);
        assertThat(structured.headers()).containsEntry("Content-Type", "application/cloudevents+json");
        assertThat(structured.body()).contains("\"data\":{\"name\":\"w\"}").contains("\"specversion\":\"1.0\"");
    }

    @Test
    void thePrometheusScrapeIsInEveryTenthRound() {
        assertThat(TrainingMix.round(Map.of(), 0))
                .extracting(TrainingRequest::path)
                .contains("/q/metrics");
        assertThat(TrainingMix.round(Map.of(), 3))
                .extracting(TrainingRequest::path)
                .doesNotContain("/q/metrics");
        assertThat(TrainingMix.round(Map.of(), 20))
                .extracting(TrainingRequest::path)
                .contains("/q/metrics");
    }

    @Test
    void withoutSamplesOnlyProbesAndStatsAreSent() {
        assertThat(TrainingMix.round(Map.of(), 1))
                .extracting(TrainingRequest::method)
                .containsOnly("GET");
    }
}
