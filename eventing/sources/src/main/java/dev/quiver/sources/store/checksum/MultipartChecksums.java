package dev.quiver.sources.store.checksum;

import dev.quiver.sources.store.checksum.StoredChecksum.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The checksum of a completed multipart upload from its parts' checksums, by S3's rules ("Checking object integrity
 * in Amazon S3"): COMPOSITE is the checksum of the concatenated (decoded) part checksums, written
 * {@code <base64>-<part count>}; FULL_OBJECT is the CRC of all the object's bytes, here combined from the parts' CRCs
 * and sizes. CRC64NVME is FULL_OBJECT only, SHA1 and SHA256 COMPOSITE only, CRC32 and CRC32C either (COMPOSITE when
 * the upload did not say).
 */
public final class MultipartChecksums {

    private MultipartChecksums() {}

    /** One part as it was uploaded: its number, checksum (base64) and size in bytes. */
    public record Part(int number, ChecksumAlgorithm algorithm, String value, long size) {}

    /** The type an upload gets when {@code requested} (may be null) is asked for with {@code algorithm}. */
    public static Type type(ChecksumAlgorithm algorithm, Type requested) throws S3Error {
        Type type = requested != null
                ? requested
                : algorithm == ChecksumAlgorithm.CRC64NVME ? Type.FULL_OBJECT : Type.COMPOSITE;
        boolean crc = crc(algorithm) != null;
        if (type == Type.FULL_OBJECT && !crc) {
            throw S3Error.invalidRequest("The FULL_OBJECT checksum type cannot be used with the " + algorithm.name()
                    + " checksum algorithm.");
        }
        if (type == Type.COMPOSITE && algorithm == ChecksumAlgorithm.CRC64NVME) {
            throw S3Error.invalidRequest(
                    "The COMPOSITE checksum type cannot be used with the CRC64NVME checksum algorithm.");
        }
        return type;
    }

    /** The object's checksum from its parts, in order (each with {@code algorithm}'s checksum). */
    public static StoredChecksum combine(ChecksumAlgorithm algorithm, Type type, List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a multipart upload completes with at least one part");
        }
        if (type == Type.COMPOSITE) {
            ChecksumAlgorithm.Digest digest = algorithm.newDigest();
            for (Part part : parts) {
                byte[] raw = Base64.getDecoder().decode(part.value());
                digest.update(raw, 0, raw.length);
            }
            return new StoredChecksum(algorithm, type, digest.base64() + "-" + parts.size());
        }
        long[] crc = crc(algorithm);
        int width = (int) crc[1];
        long combined = value(parts.get(0).value());
        for (Part part : parts.subList(1, parts.size())) {
            combined = CrcCombine.combine(combined, value(part.value()), part.size(), crc[0], width);
        }
        byte[] bytes = ByteBuffer.allocate(8).putLong(combined).array();
        String base64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, 8 - width / 8, 8));
        return new StoredChecksum(algorithm, type, base64);
    }

    /** The reflected polynomial and width of a CRC algorithm, or null for the others. */
    private static long[] crc(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> new long[] {0xEDB88320L, 32};
            case CRC32C -> new long[] {0x82F63B78L, 32};
            case CRC64NVME -> new long[] {0x9A6C9329AC4BC9B5L, 64};
            default -> null;
        };
    }

    private static long value(String base64) {
        long value = 0;
        for (byte b : Base64.getDecoder().decode(base64)) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
