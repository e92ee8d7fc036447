package dev.quiver.scaler.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Row} as one JSON line with the documented field order; numbers rounded to 2 decimals. */
final class RowJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowJson() {}

    static String line(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", num(r.t()));
        m.put("stable", num(r.stable()));
        m.put("panic", num(r.panic()));
        m.put("desired", r.desired());
        m.put("ready", r.ready());
        m.put("warm", r.warm());
        m.put("panicking", r.panicking());
        m.put("mode", r.mode());
        m.put("excessBurstCapacity", num(r.excessBurstCapacity()));
        m.put("reason", r.reason());
        m.put("event", r.event());
        m.put("concurrency", num(r.concurrency()));
        if (r.lag() != null) {
            m.put("lag", r.lag());
        }
        m.put("starting", r.starting());
        m.put("actions", r.actions());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Number num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return Math.round(v * 100) / 100d;
    }
}
