package dev.quiver.sources.store.checksum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body ({@code <hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n ... 0...\r\n}
 * followed by trailer lines {@code name:value\r\n} and an empty line), checking the chunk and trailer signatures when
 * the upload is signed ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}).
 */
public final class AwsChunked {

    private static final int MAX_LINE = 4096;
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private AwsChunked() {}

    /**
     * Copies the decoded bytes to {@code out}, feeding {@code digest} if there is one, and returns the trailers by
     * lower-case name (without the trailer signature).
     *
     * @param seed the request's seed signature when chunks are signed, else null
     */
    public static Map<String, String> decode(
            InputStream in, OutputStream out, ChecksumAlgorithm.Digest digest, SigV4.Seed seed)
            throws IOException, S3Error {
        String previous = seed == null ? null : seed.signature();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            String header = readLine(in);
            if (header == null) {
                throw S3Error.incompleteBody("The aws-chunked body ended before its last (zero-length) chunk.");
            }
            int semicolon = header.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw S3Error.incompleteBody("Not an aws-chunked chunk header: " + header);
            }
            MessageDigest chunkHash = seed == null ? null : sha256();
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw S3Error.incompleteBody("The aws-chunked body ended inside a chunk.");
                }
                out.write(buffer, 0, n);
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                if (chunkHash != null) {
                    chunkHash.update(buffer, 0, n);
                }
                left -= n;
            }
            if (seed != null) {
                String sent =
                        semicolon < 0 ? "" : header.substring(semicolon + 1).trim();
                String expected = seed.chunkSignature(previous, chunkHash.digest());
                if (!sent.equals("chunk-signature=" + expected)) {
                    throw S3Error.signatureDoesNotMatch("The chunk signature does not match.");
                }
                previous = expected;
            }
            if (size == 0) {
                return trailers(in, seed, previous);
            }
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw S3Error.incompleteBody("An aws-chunked chunk is longer than its header says.");
            }
        }
    }

    private static Map<String, String> trailers(InputStream in, SigV4.Seed seed, String previous)
            throws IOException, S3Error {
        Map<String, String> trailers = new LinkedHashMap<>();
        StringBuilder signedText = new StringBuilder();
        String signature = null;
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw S3Error.incompleteBody("Not a trailer line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals(TRAILER_SIGNATURE)) {
                signature = value;
            } else {
                trailers.put(name, value);
                signedText.append(name).append(':').append(value).append('\n');
            }
        }
        if (seed != null
                && !trailers.isEmpty()
                && !seed.trailerSignature(previous, signedText.toString()).equals(signature)) {
            throw S3Error.signatureDoesNotMatch("The trailer signature does not match.");
        }
        return trailers;
    }

    /** A CRLF-terminated line, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException, S3Error {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            if (line.size() >= MAX_LINE) {
                throw S3Error.incompleteBody("An aws-chunked line is longer than " + MAX_LINE + " bytes.");
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
