package dev.quiver.local.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret kept in a file of the data directory: read when it exists, else generated (256 random bits from
 * {@link SecureRandom}, URL-safe base64) into a file created with mode 0600 from the start (never chmod after).
 */
public final class TokenFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFile() {
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token in {@code file}; a new one written there when it does not exist (or is empty). */
    public static String loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!existing.isEmpty()) {
                    return existing;
                }
                Files.delete(file);
            }
            String token = newToken();
            try {
                create(file, token);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token file " + file, e);
        }
    }

    /** Writes {@code token} to {@code file} (replacing it), the new file created with mode 0600. */
    public static void write(Path file, String token) {
        try {
            Files.deleteIfExists(file);
            create(file, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + file, e);
        }
    }

    private static void create(Path file, String token) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var perms = PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        try (SeekableByteChannel c = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), perms)) {
            c.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
