package dev.quiver.sources.store.checksum;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the checksum front must do with one request, decided from its headers alone: which checksum the client sent
 * (in a header or announced as a trailer), how its body is framed, and whether the store can take it unchanged.
 *
 * @param touched whether anything must change before the store sees the request (else it passes untouched)
 * @param algorithm the checksum to verify, if the client sent one
 * @param expected its value from the header, or null when it comes in the trailer
 * @param framing how the body is framed
 */
public record UploadPlan(boolean touched, Optional<ChecksumAlgorithm> algorithm, String expected, Framing framing) {

    public static final String CONTENT_SHA256 = "x-amz-content-sha256";
    public static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";
    public static final String TRAILER = "x-amz-trailer";
    public static final String DECODED_LENGTH = "x-amz-decoded-content-length";

    /** How the body is sent. */
    public enum Framing {
        /** The bytes as they are (signed by their SHA-256, or UNSIGNED-PAYLOAD). */
        PLAIN,
        /** aws-chunked without chunk signatures ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}). */
        UNSIGNED_CHUNKS,
        /** aws-chunked with chunk signatures ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}). */
        SIGNED_CHUNKS;

        public boolean chunked() {
            return this != PLAIN;
        }
    }

    private static final List<String> NOT_VALUES =
            List.of("x-amz-checksum-mode", "x-amz-checksum-algorithm", "x-amz-checksum-type");

    /** The plan for a request with these header names (any case) and this header lookup. */
    public static UploadPlan of(Collection<String> headerNames, Function<String, String> header) throws S3Error {
        List<String> names =
                headerNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        String contentSha256 = header.apply(CONTENT_SHA256);
        ChecksumAlgorithm algorithm = null;
        String expected = null;
        for (String name : names) {
            if (!name.startsWith(ChecksumAlgorithm.HEADER_PREFIX) || NOT_VALUES.contains(name)) {
                continue;
            }
            ChecksumAlgorithm named = ChecksumAlgorithm.ofHeader(name)
                    .orElseThrow(() -> S3Error.invalidRequest("Unsupported checksum header " + name + "."));
            if (algorithm != null) {
                throw S3Error.invalidRequest(
                        "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }
            algorithm = named;
            expected = header.apply(name);
        }
        String trailer = header.apply(TRAILER);
        if (trailer != null) {
            if (algorithm != null) {
                throw S3Error.invalidRequest("A checksum header and a checksum trailer cannot both be sent.");
            }
            algorithm = ChecksumAlgorithm.ofHeader(trailer.trim())
                    .orElseThrow(
                            () -> S3Error.invalidRequest("The trailer " + trailer + " is not a supported checksum."));
        }
        String sdkAlgorithm = header.apply(SDK_ALGORITHM);
        if (sdkAlgorithm != null && ChecksumAlgorithm.named(sdkAlgorithm).isEmpty()) {
            throw S3Error.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid: " + sdkAlgorithm);
        }
        Framing framing = framing(contentSha256, algorithm != null);
        if (trailer != null && !framing.chunked()) {
            throw S3Error.invalidRequest("A checksum trailer needs an aws-chunked body (x-amz-content-sha256: "
                    + "STREAMING-UNSIGNED-PAYLOAD-TRAILER or STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER).");
        }
        boolean touched = framing.chunked()
                || trailer != null
                || names.stream()
                        .anyMatch(n -> n.startsWith(ChecksumAlgorithm.HEADER_PREFIX) || n.equals(SDK_ALGORITHM));
        return new UploadPlan(touched, Optional.ofNullable(algorithm), expected, framing);
    }

    private static Framing framing(String contentSha256, boolean checksum) throws S3Error {
        if (contentSha256 == null) {
            return Framing.PLAIN;
        }
        return switch (contentSha256) {
            case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> Framing.UNSIGNED_CHUNKS;
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> Framing.SIGNED_CHUNKS;
            // s3proxy decodes these itself when no checksum comes with them
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> checksum ? Framing.SIGNED_CHUNKS : Framing.PLAIN;
            default -> {
                if (contentSha256.startsWith("STREAMING-")) {
                    throw new S3Error(
                            501,
                            "NotImplemented",
                            "x-amz-content-sha256 " + contentSha256
                                    + " (Signature Version 4A) is not implemented: sign with Signature Version 4.");
                }
                yield Framing.PLAIN;
            }
        };
    }
}
