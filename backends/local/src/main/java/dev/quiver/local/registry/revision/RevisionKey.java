package dev.quiver.local.registry.revision;

import dev.quiver.local.registry.FunctionDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The configuration that makes a new revision, as Knative's revision template: what the instances are started with
 * (JVM options, properties, environment, JVM choice, the Kafka topic they consume). Not part of it, applied in place
 * to the serving revisions: {@code scale:} (Quiver keeps autoscaling outside the template so a scaling change never
 * restarts instances), broker triggers, {@code traffic:} and {@code rolloutDuration} (Knative's route settings).
 */
public final class RevisionKey {
    private RevisionKey() {}

    public static String config(FunctionDefinition f) {
        String text = String.join(
                "\n",
                "jvmOptions=" + f.jvmOptions(),
                "properties=" + new TreeMap<>(f.properties()),
                "env=" + new TreeMap<>(f.env()),
                "launch=" + f.launch(),
                "kafka=" + f.kafka());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
