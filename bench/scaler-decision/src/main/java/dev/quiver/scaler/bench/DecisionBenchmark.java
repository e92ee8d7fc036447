package dev.quiver.scaler.bench;

import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import dev.quiver.scaler.decision.Observation;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.ScaleSpec;
import dev.quiver.scaler.spec.Trigger;
import dev.quiver.scaler.warmpool.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one scaler tick for N functions on one thread: per function, record the two seconds of traffic since the
 * last tick and decide (KPA windows, panic, lag, bounds, warm-pool plan, reasons). The mix: 80% HTTP, 15% Kafka,
 * 5% both; a third with a warm pool; 2..9 instances each; 6 partitions per Kafka trigger.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
public class DecisionBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"10000"})
    int functions;

    private FunctionScaler[] scalers;
    private Observation[] observed;
    private double[] load;
    private long second;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        scalers = new FunctionScaler[functions];
        observed = new Observation[functions];
        load = new double[functions];
        for (int f = 0; f < functions; f++) {
            int kind = random.nextInt(100);
            EnumSet<Trigger> triggers = kind < 80
                    ? EnumSet.of(Trigger.HTTP)
                    : kind < 95 ? EnumSet.of(Trigger.KAFKA) : EnumSet.of(Trigger.HTTP, Trigger.KAFKA);
            ScaleSpec scale = ScaleSpec.builder().warmPool(f % 3 == 0 ? 1 : 0).build();
            FunctionSpec spec =
                    FunctionSpec.defaults("f" + f).withTriggers(triggers).withScale(scale);
            scalers[f] = new FunctionScaler(spec, T0);
            int instances = 2 + random.nextInt(8);
            load[f] = instances * 70 * (0.5 + random.nextDouble());
            observed[f] = new Observation(instances(instances, f % 3 == 0), spec.kafka() ? offsets(random) : null);
        }
        for (second = 0; second < 60; second++) {
            for (int f = 0; f < functions; f++) {
                scalers[f].record(T0.plusSeconds(second), load[f], 0);
            }
        }
    }

    @Benchmark
    public int tick() {
        Instant previous = T0.plusSeconds(second);
        Instant now = T0.plusSeconds(second + 1);
        second += 2;
        int total = 0;
        for (int f = 0; f < functions; f++) {
            FunctionScaler s = scalers[f];
            s.record(previous, load[f], 0);
            s.record(now, load[f], 0);
            Decision d = s.decide(now, observed[f]);
            total += d.desired() + d.actions().size();
        }
        return total;
    }

    private static List<Instance> instances(int n, boolean pool) {
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Instance.active("i" + i, true, 10 + i, T0.plusSeconds(i)));
        }
        if (pool) {
            out.add(Instance.pooled("w", true, T0));
        }
        return out;
    }

    private static List<PartitionOffsets> offsets(SplittableRandom random) {
        List<PartitionOffsets> out = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            long committed = random.nextInt(1_000_000);
            out.add(new PartitionOffsets(String.valueOf(p), committed + random.nextInt(200), committed));
        }
        return out;
    }
}
