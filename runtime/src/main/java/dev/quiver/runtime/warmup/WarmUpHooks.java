package dev.quiver.runtime.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs warm-up hooks one after another within one time budget; each hook's outcome is a value, never an exception.
 * A hook that overruns the budget is left running on its own daemon thread and the remaining hooks are skipped.
 */
public final class WarmUpHooks {

    /** What happened to one hook. */
    public record Outcome(String hook, Result result, long millis, String detail) {}

    public enum Result {
        DONE,
        FAILED,
        TIMED_OUT,
        SKIPPED
    }

    /** A named hook (the name is for the log). */
    public record Named(String name, WarmUpHook hook) {}

    private WarmUpHooks() {}

    /** @param nanoTime the clock (System::nanoTime outside tests) */
    public static List<Outcome> run(List<Named> hooks, Duration budget, LongSupplier nanoTime) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        for (Named h : hooks) {
            long start = nanoTime.getAsLong();
            long left = deadline - start;
            if (left <= 0) {
                outcomes.add(new Outcome(h.name(), Result.SKIPPED, 0, "no warm-up time left"));
                continue;
            }
            CompletableFuture<Void> run = new CompletableFuture<>();
            Thread t = new Thread(
                    () -> {
                        try {
                            h.hook().warmUp();
                            run.complete(null);
                        } catch (Throwable e) {
                            run.completeExceptionally(e);
                        }
                    },
                    "quiver-warmup-hook");
            t.setDaemon(true);
            t.start();
            Outcome o;
            try {
                run.get(left, TimeUnit.NANOSECONDS);
                o = new Outcome(h.name(), Result.DONE, millisSince(start, nanoTime), "");
            } catch (TimeoutException e) {
                o = new Outcome(h.name(), Result.TIMED_OUT, millisSince(start, nanoTime), "over the warm-up budget");
            } catch (ExecutionException e) {
                o = new Outcome(
                        h.name(),
                        Result.FAILED,
                        millisSince(start, nanoTime),
                        e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                o = new Outcome(h.name(), Result.SKIPPED, millisSince(start, nanoTime), "interrupted");
            }
            outcomes.add(o);
        }
        return outcomes;
    }

    private static long millisSince(long start, LongSupplier nanoTime) {
        return (nanoTime.getAsLong() - start) / 1_000_000L;
    }
}
