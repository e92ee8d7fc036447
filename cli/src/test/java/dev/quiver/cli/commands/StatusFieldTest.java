package dev.quiver.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.control.ColdStart;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.api.control.InstanceStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusFieldTest {
    static final FunctionStatus HELLO = new FunctionStatus(
            "hello",
            "hello.jar",
            1,
            1,
            0,
            1,
            "serve",
            false,
            0.5,
            2,
            -1,
            0,
            3,
            1,
            2,
            0,
            null,
            List.of("stable 0.5/35 -> 1"),
            List.of(new InstanceStatus(
                    "hello-2",
                    "active",
                    "ready",
                    40123,
                    4242,
                    0,
                    0.5,
                    12,
                    1,
                    "/logs/hello-2.log",
                    "jdk17-appcds",
                    810,
                    640)),
            "jdk17-appcds",
            "AppCDS",
            ColdStart.NONE,
            "warm 1/1 p50 31ms (wait 29 + served 2)",
            null);

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("a number", "ready", "1"),
                Arguments.of("a text", "mode", "serve"),
                Arguments.of("no lag", "lag", "-1"),
                Arguments.of("an instance's pid", "instances.0.pid", "4242"),
                Arguments.of("the cold-start line", "coldStartText", "warm 1/1 p50 31ms (wait 29 + served 2)"),
                Arguments.of("nested figures", "coldStart.warm.firstByte.count", "0"),
                Arguments.of("a list", "reasons", "[\"stable 0.5/35 -> 1\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void selectsOneValue(String label, String path, String want) {
        assertThat(StatusCommand.field(HELLO, path)).isEqualTo(want);
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> StatusCommand.field(HELLO, "instances.0.memory"))
                .hasMessageStartingWith("status: no field 'memory' in 'instances.0.memory' (fields: id, role, state");
    }

    @Test
    void theReadableViewShowsInstancesAndReasons() {
        assertThat(StatusCommand.render(HELLO))
                .contains(
                        "hello  (hello.jar)",
                        "stable 0.5/35 -> 1",
                        "hello-2",
                        "4242",
                        "requests at no capacity: warm 1/1 p50 31ms");
    }

    @Test
    void theReadableViewShowsTheBrokerTriggersStateAndError() {
        var failed = HELLO.withTrigger(new dev.quiver.api.control.TriggerStatus(
                "failed", "create trigger 'fn-hello': 500 broken", "2026-11-28T05:30:00Z"));

        assertThat(StatusCommand.render(failed))
                .contains(
                        "broker trigger: failed, applied 2026-11-28T05:30:00Z: create trigger 'fn-hello': 500 broken");
        assertThat(StatusCommand.render(HELLO)).doesNotContain("broker trigger");
        assertThat(StatusCommand.field(failed, "trigger.state")).isEqualTo("failed");
    }

    @Test
    void theReadableViewAndTheFieldsShowTheDirectAddress() {
        var direct = HELLO.withDirect(
                new dev.quiver.api.control.DirectAddress("http://127.0.0.1:19100", "127.0.0.1", 19100, "instances", 2));

        assertThat(StatusCommand.render(direct)).contains("direct: http://127.0.0.1:19100 (instances, 2 listening)");
        assertThat(StatusCommand.render(HELLO)).doesNotContain("direct:");
        assertThat(StatusCommand.field(direct, "direct.url")).isEqualTo("http://127.0.0.1:19100");
        assertThat(StatusCommand.field(direct, "direct.servedBy")).isEqualTo("instances");
    }
}
