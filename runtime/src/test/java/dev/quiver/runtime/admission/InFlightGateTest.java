package dev.quiver.runtime.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InFlightGateTest {

    static Stream<Arguments> arrivals() {
        return Stream.of(
                // label, limit, depth, arrivals, expected admitted, queued, rejected
                Arguments.of("unlimited admits everything", 0, 0, 50, 50, 0, 0),
                Arguments.of("below the limit every request runs", 4, 40, 3, 3, 0, 0),
                Arguments.of("at the limit the rest waits", 2, 20, 5, 2, 3, 0),
                Arguments.of("beyond limit plus depth is rejected", 2, 3, 10, 2, 3, 5),
                Arguments.of("depth 0 rejects at once", 1, 0, 3, 1, 0, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivals")
    void admitsQueuesAndRejects(
            String label, int limit, int depth, int arrivals, int admitted, int queued, int rejected) {
        List<Integer> dispatched = new ArrayList<>();
        InFlightGate<Integer> gate = new InFlightGate<>(limit, depth, dispatched::add);
        List<Admission> answers = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            answers.add(gate.admit(i));
        }
        assertThat(answers).filteredOn(a -> a == Admission.ADMITTED).hasSize(admitted);
        assertThat(answers).filteredOn(a -> a == Admission.QUEUED).hasSize(queued);
        assertThat(answers).filteredOn(a -> a == Admission.REJECTED).hasSize(rejected);
        assertThat(gate.inFlight()).isEqualTo(admitted);
        assertThat(gate.queued()).isEqualTo(queued);
        assertThat(dispatched).isEmpty();
    }

    @Test
    void aReleasedSlotGoesToTheOldestWaitingRequest() {
        List<String> dispatched = new ArrayList<>();
        InFlightGate<String> gate = new InFlightGate<>(1, 5, dispatched::add);
        gate.admit("first");
        gate.admit("second");
        gate.admit("third");

        gate.release();

        assertThat(dispatched).containsExactly("second");
        assertThat(gate.inFlight()).isEqualTo(1);
        assertThat(gate.queued()).isEqualTo(1);
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThatThrownBy(() -> new InFlightGate<>(-1, 0, x -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void underContentionNoMoreThanTheLimitRunAndNoQueuedRequestIsStranded() throws Exception {
        int limit = 3;
        int requests = 20_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<Runnable> toRun = new ConcurrentLinkedQueue<>();
        InFlightGate<Runnable>[] holder = new InFlightGate[1];
        Runnable work = () -> {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            running.decrementAndGet();
            completed.incrementAndGet();
            holder[0].release();
        };
        holder[0] = new InFlightGate<>(limit, requests, toRun::add);
        InFlightGate<Runnable> gate = holder[0];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < requests / 4; i++) {
                    if (gate.admit(work) == Admission.ADMITTED) {
                        work.run();
                    }
                    Runnable next;
                    while ((next = toRun.poll()) != null) {
                        next.run();
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        Runnable next;
        while ((next = toRun.poll()) != null) {
            next.run();
        }
        pool.shutdown();
        assertThat(completed.get()).isEqualTo(requests);
        assertThat(maxRunning.get()).isLessThanOrEqualTo(limit);
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.queued()).isZero();
    }
}
