package dev.quiver.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets kept in files: read one (trimmed), or create one readable by its owner only (mode 0600, created so from
 * the start: no moment where another user could read it) and reuse it on later starts.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    /** @return a random secret of 256 bits as 64 hex characters */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Reads the trimmed content of the file a setting names.
     *
     * @throws IllegalArgumentException naming the key and the file when it cannot be read or is empty
     */
    public static String read(String key, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " cannot be read, got '" + file + "': " + e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(key + " must name a file holding a token, got '" + file + "' (empty)");
        }
        return text;
    }

    /**
     * Returns the file's content when it exists, else writes {@code content} into a new file of mode 0600 (parent
     * directories created) and returns it.
     */
    public static String readOrCreate(Path file, String content) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters): a bearer token. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token in {@code file} (trimmed); a new one ({@link #newToken()}) written there when it is missing or empty. */
    public static String token(Path file) {
        try {
            if (Files.isRegularFile(file)
                    && !Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        }
        return readOrCreate(file, newToken() + "\n").strip();
    }

    /** Replaces {@code file} with {@code content}, the new file created with mode 0600 from the start. */
    public static void write(Path file, String content) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
        readOrCreate(file, content);
    }
}
