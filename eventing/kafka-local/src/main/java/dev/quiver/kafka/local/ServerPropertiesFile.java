package dev.quiver.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.UUID;

/** Writes a node's server.properties and says whether its storage was already formatted. */
final class ServerPropertiesFile {

    private ServerPropertiesFile() {}

    static void write(KafkaNodeConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            try (Writer w = Files.newBufferedWriter(config.propertiesFile())) {
                config.toProperties().store(w, "single-node KRaft Kafka written by quiver-kafka-local");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.propertiesFile(), e);
        }
    }

    static boolean isFormatted(KafkaNodeConfig config) {
        return Files.exists(config.logDir().resolve("meta.properties"));
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what Kafka's Uuid prints), never starting
     * with '-' (as Kafka's {@code Uuid.randomUuid}): the storage tool would read such an id as an option.
     */
    static String newClusterId() {
        while (true) {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    static String[] formatArgs(KafkaNodeConfig config) {
        return new String[] {
            "format",
            "--standalone",
            "--ignore-formatted",
            "-t",
            newClusterId(),
            "-c",
            config.propertiesFile().toAbsolutePath().toString()
        };
    }
}
