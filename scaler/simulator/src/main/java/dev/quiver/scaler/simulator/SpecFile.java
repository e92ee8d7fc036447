package dev.quiver.scaler.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.SpecReader;
import dev.quiver.scaler.spec.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Reads a function spec file (YAML; JSON is YAML too): the scaling settings plus the simulation section. */
public final class SpecFile {
    private static final Set<String> SIM_KEYS =
            Set.of("coldStartSeconds", "warmStartSeconds", "consumeRatePerInstance");

    private SpecFile() {}

    public record Loaded(FunctionSpec function, SimulationSettings simulation) {}

    public static Loaded read(Path file) {
        LocatedTree.Result doc = parse(file);
        FunctionSpec function;
        try {
            function = SpecReader.read(doc.tree(), Set.of("simulation"));
        } catch (SpecException e) {
            Violation first = e.violations().get(0);
            String more = e.violations().size() > 1
                    ? " (and " + (e.violations().size() - 1) + " more: "
                            + e.getMessage().substring(first.toString().length() + 2) + ")"
                    : "";
            throw new InputException(file, doc.lineOf(first.key()), first + more);
        }
        return new Loaded(function, simulation(file, doc));
    }

    private static LocatedTree.Result parse(Path file) {
        try (JsonParser p = new YAMLFactory().createParser(Files.newBufferedReader(file))) {
            return LocatedTree.parse(p);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "file not found");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(
                    file,
                    line,
                    "not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 1, e.getMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static SimulationSettings simulation(Path file, LocatedTree.Result doc) {
        Object section = doc.tree().get("simulation");
        if (section == null) {
            return SimulationSettings.DEFAULTS;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new InputException(file, doc.lineOf("simulation"), "simulation: must be a map of settings");
        }
        for (Object key : map.keySet()) {
            if (!SIM_KEYS.contains(key)) {
                throw new InputException(
                        file,
                        doc.lineOf("simulation." + key),
                        "simulation." + key
                                + ": is not a known key (known: coldStartSeconds, consumeRatePerInstance, warmStartSeconds)");
            }
        }
        return new SimulationSettings(
                seconds(file, doc, map, "coldStartSeconds", SimulationSettings.DEFAULTS.coldStartSeconds()),
                seconds(file, doc, map, "warmStartSeconds", SimulationSettings.DEFAULTS.warmStartSeconds()),
                rate(file, doc, map));
    }

    private static double rate(Path file, LocatedTree.Result doc, Map<?, ?> map) {
        Object v = map.get("consumeRatePerInstance");
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw new InputException(
                file,
                doc.lineOf("simulation.consumeRatePerInstance"),
                "simulation.consumeRatePerInstance: must be a number of messages per second >= 0, was " + v);
    }

    private static double seconds(Path file, LocatedTree.Result doc, Map<?, ?> map, String key, double dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 3600) {
            return n.doubleValue();
        }
        throw new InputException(
                file,
                doc.lineOf("simulation." + key),
                "simulation." + key + ": must be a number of seconds between 0 and 3600, was " + v);
    }
}
