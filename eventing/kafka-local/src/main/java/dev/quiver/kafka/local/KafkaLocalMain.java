package dev.quiver.kafka.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a single-node KRaft Kafka in this process until it is stopped (SIGTERM / Ctrl-C):
 * <pre>
 * java -Xmx256m -cp 'eventing/kafka-local/target/lib/*' dev.quiver.kafka.local.KafkaLocalMain \
 *      --data-dir /tmp/quiver-kafka --port 9092 --controller-port 9093
 * </pre>
 * Prints {@code bootstrap.servers=HOST:PORT} once the broker answers. Listens on 127.0.0.1 unless {@code --host}
 * names another (reachable, not wildcard) address, which prints a warning: Kafka has no authentication here.
 */
public final class KafkaLocalMain {

    private KafkaLocalMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = parse(args);
        Path dataDir = Path.of(opts.getOrDefault("--data-dir", System.getProperty("java.io.tmpdir") + "/quiver-kafka"));
        int port = Integer.parseInt(opts.getOrDefault("--port", "9092"));
        int controllerPort = Integer.parseInt(opts.getOrDefault("--controller-port", String.valueOf(port + 1)));
        String host = opts.getOrDefault("--host", "127.0.0.1");
        if (!(host.startsWith("127.") || host.equals("localhost") || host.equals("::1"))) {
            System.err.println("WARN kafka-local: listening on " + host + ":" + port + ": Kafka (no authentication:"
                    + " every topic readable and writable) is reachable from other machines");
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(new KafkaNodeConfig(dataDir, port, controllerPort, host, Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.close();
                            stopped.countDown();
                        },
                        "kafka-local-stop"));
        System.out.println("bootstrap.servers=" + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    static Map<String, String> parse(String[] args) {
        java.util.HashMap<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--data-dir DIR] [--port 9092] [--controller-port 9093]"
                        + " [--host 127.0.0.1]; bad argument: " + args[i]);
            }
            opts.put(args[i], args[++i]);
        }
        return opts;
    }
}
