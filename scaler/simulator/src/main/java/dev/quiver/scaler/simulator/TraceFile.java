package dev.quiver.scaler.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.scaler.lag.PartitionOffsets;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a trace: one JSON object per line, one line per second,
 * {@code {"t": 0, "concurrency": 12, "rps": 30, "lag": {"0": {"end": 120, "committed": 100}}}}. Blank lines are
 * skipped; seconds missing from the trace have no traffic and keep the last offsets.
 */
public final class TraceFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("t", "concurrency", "rps", "lag");

    private TraceFile() {}

    public static List<TraceLine> read(Path file) {
        List<TraceLine> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String text;
            int n = 0;
            long lastT = -1;
            while ((text = in.readLine()) != null) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                TraceLine line = parse(text, file, n);
                if (line.t() <= lastT) {
                    throw new InputException(
                            file, n, "\"t\" must increase from line to line, was " + line.t() + " after " + lastT);
                }
                lastT = line.t();
                out.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "file not found");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InputException(file, 0, "the trace has no lines");
        }
        return out;
    }

    static TraceLine parse(String text, Path file, int n) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(file, n, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new InputException(file, n, "each line must be a JSON object");
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InputException(
                        file, n, "\"" + key + "\" is not a known field (known: t, concurrency, " + "rps, lag)");
            }
        }
        JsonNode t = obj.get("t");
        if (t == null || !t.isIntegralNumber() || t.asLong() < 0) {
            throw new InputException(file, n, "\"t\" must be a whole number of seconds >= 0, was " + t);
        }
        double concurrency = number(obj, "concurrency", file, n);
        double rps = number(obj, "rps", file, n);
        return new TraceLine(t.asLong(), concurrency, rps, lag(obj.get("lag"), file, n));
    }

    private static double number(ObjectNode obj, String key, Path file, int n) {
        JsonNode v = obj.get(key);
        if (v == null) {
            return 0;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw new InputException(file, n, "\"" + key + "\" must be a number >= 0, was " + v);
        }
        return v.asDouble();
    }

    private static List<PartitionOffsets> lag(JsonNode lag, Path file, int n) {
        if (lag == null) {
            return null;
        }
        if (!lag.isObject() || lag.isEmpty()) {
            throw new InputException(file, n, "\"lag\" must map partitions to {\"end\": n, \"committed\": n}");
        }
        List<PartitionOffsets> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = lag.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String where = "lag partition \"" + e.getKey() + "\": ";
            JsonNode end = p.get("end");
            JsonNode committed = p.get("committed");
            if (end == null || !end.isIntegralNumber() || end.asLong() < 0) {
                throw new InputException(file, n, where + "\"end\" must be a whole number >= 0, was " + end);
            }
            boolean none = committed == null || committed.isNull();
            if (!none && (!committed.isIntegralNumber() || committed.asLong() < -1)) {
                throw new InputException(
                        file,
                        n,
                        where + "\"committed\" must be a whole number >= 0, or -1 or " + "null (never committed), was "
                                + committed);
            }
            out.add(new PartitionOffsets(e.getKey(), end.asLong(), none ? -1 : committed.asLong()));
        }
        return out;
    }
}
