package dev.quiver.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VertxSchedulerTest {

    private final Vertx vertx = Vertx.vertx();
    private final VertxScheduler scheduler = new VertxScheduler(vertx);

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void whatIsDueNowRunsOnAVertxContext() throws Exception {
        CompletableFuture<Boolean> onContext = new CompletableFuture<>();
        scheduler.schedule(() -> onContext.complete(Context.isOnEventLoopThread()), 0, TimeUnit.NANOSECONDS);
        assertThat(onContext.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLaterRunWaitsForItsTimer() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Long> ran = new CompletableFuture<>();
        scheduler.schedule(() -> ran.complete(System.nanoTime()), 50, TimeUnit.MILLISECONDS);
        assertThat(Duration.ofNanos(ran.get(5, TimeUnit.SECONDS) - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aCancelledRunDoesNotHappen() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> f = scheduler.schedule(runs::incrementAndGet, 30, TimeUnit.MILLISECONDS);
        assertThat(f.cancel(false)).isTrue();
        Thread.sleep(100);
        assertThat(runs).hasValue(0);
        assertThat(f.isCancelled()).isTrue();
    }

    @Test
    void failsafeRetriesOnVertxTimers() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch onEventLoop = new CountDownLatch(3);
        RetryPolicy<Integer> policy = RetryPolicy.<Integer>builder()
                .withMaxRetries(2)
                .withDelay(Duration.ofMillis(5))
                .handleResultIf(status -> status >= 500)
                .build();

        Integer last = Failsafe.with(policy)
                .with(scheduler)
                .getStageAsync(() -> {
                    if (Context.isOnEventLoopThread()) {
                        onEventLoop.countDown();
                    }
                    return CompletableFuture.completedFuture(attempts.incrementAndGet() < 3 ? 503 : 200);
                })
                .get(5, TimeUnit.SECONDS);

        assertThat(last).isEqualTo(200);
        assertThat(attempts).hasValue(3);
        assertThat(onEventLoop.await(1, TimeUnit.SECONDS)).isTrue();
    }
}
