package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Tasks are completed by hand (no threads, no time): what starts when is exactly observable. */
class OrderedLanesTest {

    /** A task that records its start and completes when the test says so. */
    static final class Step {
        final String name;
        final List<String> started;
        final CompletableFuture<Void> stage = new CompletableFuture<>();

        Step(String name, List<String> started) {
            this.name = name;
            this.started = started;
        }

        CompletionStage<Void> run() {
            started.add(name);
            return stage;
        }
    }

    @Test
    void aLaneRunsItsTasksOneAfterAnotherInSubmitOrder() {
        OrderedLanes<String> lanes = new OrderedLanes<>(100);
        List<String> started = new ArrayList<>();
        Step a1 = new Step("a1", started);
        Step a2 = new Step("a2", started);
        Step a3 = new Step("a3", started);

        lanes.submit("a", a1::run);
        lanes.submit("a", a2::run);
        lanes.submit("a", a3::run);
        assertThat(started).containsExactly("a1");

        a1.stage.complete(null);
        assertThat(started).containsExactly("a1", "a2");
        a2.stage.complete(null);
        a3.stage.complete(null);
        assertThat(started).containsExactly("a1", "a2", "a3");
        assertThat(lanes.pending()).isZero();
        assertThat(lanes.busyLanes()).isZero();
    }

    @Test
    void aFailedTaskReleasesItsLaneAndReportsItsFailure() {
        OrderedLanes<String> lanes = new OrderedLanes<>(100);
        List<String> started = new ArrayList<>();
        Step a1 = new Step("a1", started);
        Step a2 = new Step("a2", started);

        CompletableFuture<Void> first = lanes.submit("a", a1::run).toCompletableFuture();
        lanes.submit("a", a2::run);
        a1.stage.completeExceptionally(new TriggerFailure("dead-lettered", null));

        assertThat(first).isCompletedExceptionally();
        assertThat(started).containsExactly("a1", "a2");
    }

    @Test
    void aWaitingLaneDoesNotHoldUpOthers() {
        OrderedLanes<String> lanes = new OrderedLanes<>(100);
        List<String> started = new ArrayList<>();
        Step a1 = new Step("a1", started);
        Step a2 = new Step("a2", started);
        Step b1 = new Step("b1", started);
        Step b2 = new Step("b2", started);

        lanes.submit("a", a1::run);
        lanes.submit("a", a2::run);
        lanes.submit("b", b1::run);
        b1.stage.complete(null);
        lanes.submit("b", b2::run);

        assertThat(started).containsExactly("a1", "b1", "b2");
        assertThat(lanes.busyLanes()).isEqualTo(2);
    }

    @Test
    void aThrowingTaskFailsItsStageAndTheLaneGoesOn() {
        OrderedLanes<String> lanes = new OrderedLanes<>(100);
        List<String> started = new ArrayList<>();
        Step a2 = new Step("a2", started);

        CompletableFuture<Void> first = lanes.submit("a", () -> {
                    throw new IllegalStateException("bug");
                })
                .toCompletableFuture();
        lanes.submit("a", a2::run);

        assertThat(first).isCompletedExceptionally();
        assertThat(started).containsExactly("a2");
    }

    @Test
    void roomClosesAtMaxPendingAndOpensWhenOneIsDone() {
        OrderedLanes<String> lanes = new OrderedLanes<>(2);
        List<String> started = new ArrayList<>();
        Step a1 = new Step("a1", started);
        Step b1 = new Step("b1", started);

        lanes.submit("a", a1::run);
        assertThat(lanes.room().toCompletableFuture()).isDone();
        lanes.submit("b", b1::run);
        CompletableFuture<Void> room = lanes.room().toCompletableFuture();
        assertThat(room).isNotDone();

        b1.stage.complete(null);
        assertThat(room).isDone();
        assertThat(lanes.pending()).isEqualTo(1);
    }
}
