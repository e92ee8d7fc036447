package dev.quiver.sources.store.checksum;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checksum kept with an object, as S3 returns it ({@code x-amz-checksum-<algorithm>} and
 * {@code x-amz-checksum-type}). It lives in the blob store's user metadata under {@link #METADATA_KEY}, which the
 * checksum front never shows to clients as {@code x-amz-meta-*} and refuses from them.
 * <p>
 * Before a multipart upload completes the same key holds its plan: the algorithm and type asked for, without a value.
 *
 * @param algorithm the algorithm
 * @param type FULL_OBJECT (of all bytes) or COMPOSITE (of the parts' checksums, the value ends in {@code -<parts>})
 * @param value the base64 value as S3 writes it, or null for a plan
 */
public record StoredChecksum(ChecksumAlgorithm algorithm, Type type, String value) {

    /** The user metadata key (the header {@code x-amz-meta-quiver-checksum}). */
    public static final String METADATA_KEY = "quiver-checksum";
    /** The user metadata header prefix reserved for the store: clients may not send it. */
    public static final String RESERVED_HEADER_PREFIX = "x-amz-meta-quiver-";
    /** The header carrying it to s3proxy. */
    public static final String METADATA_HEADER = "x-amz-meta-" + METADATA_KEY;

    /** S3's checksum types. */
    public enum Type {
        FULL_OBJECT,
        COMPOSITE
    }

    /** The value for the metadata: {@code CRC32 COMPOSITE <base64>-2}, or without the value for a plan. */
    public String metadata() {
        return algorithm.name() + " " + type.name() + (value == null ? "" : " " + value);
    }

    /** The checksum held in {@code metadata}'s value, if it holds one in the form {@link #metadata()} writes. */
    public static Optional<StoredChecksum> parse(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String[] words = metadata.trim().split(" ");
        if (words.length < 2 || words.length > 3) {
            return Optional.empty();
        }
        Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.named(words[0]);
        Optional<Type> type = type(words[1]);
        if (algorithm.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredChecksum(algorithm.get(), type.get(), words.length == 3 ? words[2] : null));
    }

    /** The checksum in a blob's user metadata (keys in any case), if it has one. */
    public static Optional<StoredChecksum> of(Map<String, String> userMetadata) {
        if (userMetadata == null) {
            return Optional.empty();
        }
        return userMetadata.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(METADATA_KEY))
                .findFirst()
                .flatMap(e -> parse(e.getValue()));
    }

    /** S3's type named {@code name} (any case), if it is one. */
    public static Optional<Type> type(String name) {
        try {
            return Optional.of(Type.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
