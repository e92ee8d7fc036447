package dev.quiver.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's ports. For {@code up}: flag, else {@code $QUIVER_<NAME>_PORT}, else the default; the running
 * platform's ports are saved in {@code <data dir>/ports.env} and the other commands read them from there (the
 * environment still wins).
 */
public record Ports(int activator, int broker, int control, int sources, int s3, int kafka) {

    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 8083, 9000, 9092);

    /** The environment over the saved file over the defaults. */
    public static Ports resolve(Map<String, String> env, Path saved) {
        Properties p = new Properties();
        if (Files.isRegularFile(saved)) {
            try (Reader r = Files.newBufferedReader(saved)) {
                p.load(r);
            } catch (IOException e) {
                throw QuiverException.failed("cannot read " + saved + ": " + e.getMessage());
            }
        }
        return new Ports(
                port(env, p, "ACTIVATOR", DEFAULTS.activator),
                port(env, p, "BROKER", DEFAULTS.broker),
                port(env, p, "CONTROL", DEFAULTS.control),
                port(env, p, "SOURCES", DEFAULTS.sources),
                port(env, p, "S3", DEFAULTS.s3),
                port(env, p, "KAFKA", DEFAULTS.kafka));
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                for (var e : asMap().entrySet()) {
                    w.write(e.getKey() + "_PORT=" + e.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw QuiverException.failed("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Port names (ACTIVATOR, BROKER, ...) to ports, in flag order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ACTIVATOR", activator);
        m.put("BROKER", broker);
        m.put("CONTROL", control);
        m.put("SOURCES", sources);
        m.put("S3", s3);
        m.put("KAFKA", kafka);
        return m;
    }

    public URI controlUrl() {
        return URI.create("http://127.0.0.1:" + control);
    }

    public URI activatorUrl() {
        return URI.create("http://127.0.0.1:" + activator);
    }

    public URI brokerUrl() {
        return URI.create("http://127.0.0.1:" + broker);
    }

    public URI sourcesUrl() {
        return URI.create("http://127.0.0.1:" + sources);
    }

    public URI s3Url() {
        return URI.create("http://127.0.0.1:" + s3);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    private static int port(Map<String, String> env, Properties saved, String name, int dflt) {
        String v = env.get("QUIVER_" + name + "_PORT");
        String from = "$QUIVER_" + name + "_PORT";
        if (v == null || v.isBlank()) {
            v = saved.getProperty(name + "_PORT");
            from = "ports.env " + name + "_PORT";
        }
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int port = Integer.parseInt(v.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw QuiverException.usage(from + " must be a port number 1..65535, was '" + v + "'");
        }
    }
}
