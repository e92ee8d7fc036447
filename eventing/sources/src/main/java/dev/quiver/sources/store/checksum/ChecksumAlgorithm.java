package dev.quiver.sources.store.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The flexible checksums S3 accepts on uploads ({@code x-amz-checksum-<name>}, base64 of the big-endian value), with
 * the JDK's implementations (and {@link Crc64Nvme}).
 */
public enum ChecksumAlgorithm {
    CRC32(() -> crc(new CRC32(), 4)),
    CRC32C(() -> crc(new CRC32C(), 4)),
    CRC64NVME(() -> crc(new Crc64Nvme(), 8)),
    SHA1(() -> sha("SHA-1")),
    SHA256(() -> sha("SHA-256"));

    /** The headers that carry a value: {@code x-amz-checksum-crc32} and so on. */
    public static final String HEADER_PREFIX = "x-amz-checksum-";

    private final Supplier<Digest> digests;

    ChecksumAlgorithm(Supplier<Digest> digests) {
        this.digests = digests;
    }

    /** The header that carries this algorithm's value, e.g. {@code x-amz-checksum-crc32}. */
    public String header() {
        return HEADER_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    public Digest newDigest() {
        return digests.get();
    }

    /** The algorithm named like S3 names it ({@code CRC32}, {@code crc32c}, ...), if it is one. */
    public static Optional<ChecksumAlgorithm> named(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(upper)).findFirst();
    }

    /** The algorithm whose value header this is ({@code x-amz-checksum-sha256} -> SHA256), if it is one. */
    public static Optional<ChecksumAlgorithm> ofHeader(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return lower.startsWith(HEADER_PREFIX) ? named(lower.substring(HEADER_PREFIX.length())) : Optional.empty();
    }

    /** A running checksum. */
    public interface Digest {
        void update(byte[] bytes, int offset, int length);

        /** The value as S3 writes it: base64 of the big-endian bytes. */
        String base64();

        /** The value of these bytes (after any given before). */
        default String base64Of(byte[] bytes) {
            update(bytes, 0, bytes.length);
            return base64();
        }
    }

    private static Digest crc(Checksum checksum, int bytes) {
        return new Digest() {
            @Override
            public void update(byte[] b, int off, int len) {
                checksum.update(b, off, len);
            }

            @Override
            public String base64() {
                byte[] value =
                        ByteBuffer.allocate(8).putLong(checksum.getValue()).array();
                return Base64.getEncoder().encodeToString(Arrays.copyOfRange(value, 8 - bytes, 8));
            }
        };
    }

    private static Digest sha(String name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JDK", e);
        }
        return new Digest() {
            @Override
            public void update(byte[] b, int off, int len) {
                md.update(b, off, len);
            }

            @Override
            public String base64() {
                return Base64.getEncoder().encodeToString(md.digest());
            }
        };
    }
}
