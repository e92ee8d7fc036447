package dev.quiver.scaler.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The defaults table in docs/scaler.md must equal the code's defaults (model: knative config_test.go). */
class DocumentedDefaultsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(scale|lag|simulation)\\.(\\w+)` \\| ([^|]+) \\|");

    @Test
    void docsTableMatchesCodeDefaults() throws IOException {
        Map<String, Map<String, Object>> documented = new LinkedHashMap<>();
        int rows = 0;
        for (String line : Files.readAllLines(Path.of("..", "..", "docs", "scaler.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.find() || m.group(2).equals("target")) {
                continue; // target's default depends on the metric; checked in ScaleSpecTest
            }
            String value = m.group(3).trim().replace("`", "").split(" ")[0];
            documented.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), value);
            rows++;
        }
        assertThat(rows).as("documented settings").isEqualTo(19 + 8 + 3);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("triggers", java.util.List.of("http"));
        tree.put("scale", documented.get("scale"));
        FunctionSpec fromDocs = SpecReader.read(tree, Set.of());
        assertThat(fromDocs.scale()).isEqualTo(FunctionSpec.defaults("function").scale());
        Map<String, Object> lag = new LinkedHashMap<>(documented.get("lag"));
        assertThat(SpecReader.read(Map.of("lag", lag), Set.of()).lag())
                .isEqualTo(FunctionSpec.defaults("function").lag());
        Map<String, Object> sim = documented.get("simulation");
        assertThat(new SimulationSettings(
                        Double.parseDouble((String) sim.get("coldStartSeconds")),
                        Double.parseDouble((String) sim.get("warmStartSeconds")),
                        Double.parseDouble((String) sim.get("consumeRatePerInstance"))))
                .isEqualTo(SimulationSettings.DEFAULTS);
    }
}
