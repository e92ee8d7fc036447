package dev.quiver.kafka.local;

/**
 * One in-JVM Kafka broker shared by every test in this JVM: started on first use, stopped at JVM exit.
 * Tests that share it should use their own topic and group names.
 */
public final class SharedKafka {

    private static EmbeddedKafka instance;

    private SharedKafka() {}

    public static synchronized EmbeddedKafka get() {
        if (instance == null || !instance.isRunning()) {
            EmbeddedKafka started = EmbeddedKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-stop"));
            instance = started;
        }
        return instance;
    }

    public static String bootstrapServers() {
        return get().bootstrapServers();
    }
}
