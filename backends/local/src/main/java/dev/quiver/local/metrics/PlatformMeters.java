package dev.quiver.local.metrics;

import dev.quiver.local.loop.StatusView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/** Per-function Prometheus meters ({@code quiver_function_*}), registered on deploy and removed on delete. */
public final class PlatformMeters {
    private final MeterRegistry registry;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    public PlatformMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void register(String function, StatusView v) {
        Tags t = Tags.of("function", function);
        List<Meter> m = new ArrayList<>();
        m.add(gauge("quiver.function.instances", t.and("state", "ready"), v, StatusView::ready));
        m.add(gauge("quiver.function.instances", t.and("state", "warm"), v, StatusView::warm));
        m.add(gauge("quiver.function.instances", t.and("state", "desired"), v, StatusView::desired));
        m.add(gauge("quiver.function.concurrency", t, v, StatusView::concurrency));
        m.add(gauge("quiver.function.lag", t, v, StatusView::lag));
        m.add(gauge("quiver.function.activator.queued", t, v, StatusView::queued));
        m.add(counter("quiver.function.cold.starts", t, v, StatusView::coldStarts));
        m.add(counter("quiver.function.promotions", t, v, StatusView::promotions));
        m.add(counter("quiver.function.crashes", t, v, StatusView::crashes));
        meters.put(function, m);
    }

    public void unregister(String function) {
        List<Meter> m = meters.remove(function);
        if (m != null) {
            m.forEach(registry::remove);
        }
    }

    private Meter gauge(String name, Tags tags, StatusView v, ToDoubleFunction<StatusView> f) {
        return Gauge.builder(name, v, f).tags(tags).strongReference(true).register(registry);
    }

    private Meter counter(String name, Tags tags, StatusView v, ToDoubleFunction<StatusView> f) {
        return FunctionCounter.builder(name, v, f).tags(tags).register(registry);
    }
}
