package dev.quiver.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Locale;

/**
 * Checks an {@code Authorization: Bearer <token>} header against the accepted tokens in constant time: both sides
 * are hashed (SHA-256) and compared with {@link MessageDigest#isEqual}, so neither the position of the first wrong
 * character nor the token's length shows in the time taken; every accepted token is compared.
 */
public final class BearerToken {

    private static final String PREFIX = "bearer ";

    private BearerToken() {}

    /** @return the token of a {@code Bearer} header, or {@code null} when the header is missing or of another scheme */
    public static String of(String authorization) {
        if (authorization == null
                || authorization.length() <= PREFIX.length()
                || !authorization
                        .substring(0, PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(PREFIX)) {
            return null;
        }
        return authorization.substring(PREFIX.length()).trim();
    }

    /** @return true when the header carries one of {@code accepted} */
    public static boolean accepts(Collection<String> accepted, String authorization) {
        return matchesAny(accepted, of(authorization));
    }

    /** @return true when {@code presented} (a raw token, not a header) is one of {@code accepted} */
    public static boolean matchesAny(Collection<String> accepted, String presented) {
        byte[] given = sha256(presented == null ? "" : presented);
        boolean found = false;
        for (String token : accepted) {
            found |= MessageDigest.isEqual(sha256(token), given) & presented != null;
        }
        return found;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
