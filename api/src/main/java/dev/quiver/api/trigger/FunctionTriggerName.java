package dev.quiver.api.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of the broker trigger the platform makes for a function's {@code triggers.broker}, on both backends:
 * {@code fn-<function>}. The broker takes DNS labels as trigger names (at most 63 characters, docs/eventing.md); a
 * function name too long for that keeps its first characters and ends with {@code -} and 8 hex digits of its SHA-256,
 * so the name is stable across restarts and two long names with the same start stay apart.
 */
public final class FunctionTriggerName {
    /** The broker's limit on a trigger name (a DNS label). */
    public static final int MAX = 63;

    private static final String PREFIX = "fn-";
    private static final int HASH = 8;

    private FunctionTriggerName() {}

    public static String of(String function) {
        String plain = PREFIX + function;
        if (plain.length() <= MAX) {
            return plain;
        }
        String start = function.substring(0, MAX - PREFIX.length() - 1 - HASH).replaceAll("-+$", "");
        return PREFIX + start + "-" + hash(function);
    }

    private static String hash(String function) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(function.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
