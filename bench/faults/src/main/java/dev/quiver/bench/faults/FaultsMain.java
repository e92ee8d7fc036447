package dev.quiver.bench.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench/faults.sh}: runs the scenarios one after another on one rig and prints a line each; exits 1 when any
 * scenario lost an acknowledged event.
 * <pre>
 * FaultsMain [--events 3000] [--rate 200] [--outage PT2M] [--settle PT3M] [--only broker-kill-9,kafka-kill-9]
 *            [--dir target/faults]
 * </pre>
 */
public final class FaultsMain {

    public static void main(String[] args) throws Exception {
        int events = 3000;
        int rate = 200;
        Duration outage = Duration.ofMinutes(2);
        Duration settle = Duration.ofMinutes(3);
        List<String> only = List.of();
        Path dir = Path.of("target", "faults-" + System.currentTimeMillis());
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(required(args[i], value));
                case "--rate" -> rate = Integer.parseInt(required(args[i], value));
                case "--outage" -> outage = Duration.parse(required(args[i], value));
                case "--settle" -> settle = Duration.parse(required(args[i], value));
                case "--only" -> only = Arrays.asList(required(args[i], value).split(","));
                case "--dir" -> dir = Path.of(required(args[i], value));
                default ->
                    throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; options: --events N --rate N --outage PT2M --settle PT3M --only a,b --dir DIR");
            }
            i++;
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : Scenario.all(outage)) {
            if (only.isEmpty() || only.stream().anyMatch(s.name()::startsWith)) {
                scenarios.add(s);
            }
        }
        int lost = 0;
        try (Rig rig = Rig.start(dir.toAbsolutePath(), Rig.defaultBrokerJar())) {
            System.out.println(Tally.header());
            for (Scenario s : scenarios) {
                Tally t = FaultRun.run(rig, s, events, rate, settle);
                System.out.println(t.line());
                lost += t.lost();
            }
        }
        System.out.println("logs and data: " + dir.toAbsolutePath());
        System.exit(lost == 0 ? 0 : 1);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
