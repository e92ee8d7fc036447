package dev.quiver.sources.store.checksum;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as S3 checks it for streaming uploads: the seed signature of the request (header
 * authorization), then the chain of chunk signatures and the trailer signature of an aws-chunked body. s3proxy checks
 * every other request itself; it cannot check these, whose payload hash is {@code STREAMING-...-TRAILER}.
 */
public final class SigV4 {

    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})\\s*");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();
    static final String EMPTY_SHA256 = sha256Hex(new byte[0]);

    private final String accessKey;
    private final String secretKey;

    public SigV4(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** What is signed: the request line as sent (raw path and query) and its headers by lower-case name. */
    public record SignedRequest(
            String method, String rawPath, String rawQuery, Function<String, List<String>> headers) {
        String first(String name) {
            List<String> values = headers.apply(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * Checks the request's seed signature and returns what signs its chunks.
     *
     * @throws S3Error AccessDenied without a V4 header signature, InvalidAccessKeyId, RequestTimeTooSkewed or
     *         SignatureDoesNotMatch
     */
    public Seed verify(SignedRequest request, Instant now) throws S3Error {
        String authorization = request.first("authorization");
        if (authorization == null) {
            throw new S3Error(
                    403, "AccessDenied", "A streaming upload needs an AWS Signature Version 4 Authorization header.");
        }
        Matcher auth = AUTHORIZATION.matcher(authorization);
        if (!auth.matches()) {
            throw new S3Error(
                    403, "AccessDenied", "A streaming upload needs an AWS Signature Version 4 Authorization header.");
        }
        if (!auth.group(1).equals(accessKey)) {
            throw new S3Error(
                    403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }
        String amzDate = request.first("x-amz-date");
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate == null ? "" : amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new S3Error(403, "AccessDenied", "x-amz-date is missing or not yyyyMMdd'T'HHmmss'Z': " + amzDate);
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new S3Error(
                    403,
                    "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
        }
        String scope = auth.group(2) + "/" + auth.group(3) + "/" + auth.group(4) + "/aws4_request";
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), auth.group(2));
        key = hmac(key, auth.group(3));
        key = hmac(key, auth.group(4));
        key = hmac(key, "aws4_request");
        String canonical = canonicalRequest(request, List.of(auth.group(5).split(";")));
        String expected = HEX.formatHex(hmac(
                key,
                "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                        + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8))));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), auth.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw S3Error.signatureDoesNotMatch(
                    "The request signature we calculated does not match the signature you provided.");
        }
        return new Seed(key, amzDate, scope, expected);
    }

    /** The seed of a signed request: signs each chunk and the trailer, chained from the previous signature. */
    public record Seed(byte[] key, String amzDate, String scope, String signature) {
        public String chunkSignature(String previous, byte[] chunkSha256) {
            return sign("AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n" + EMPTY_SHA256
                    + "\n" + HEX.formatHex(chunkSha256));
        }

        public String trailerSignature(String previous, String trailerText) {
            return sign("AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                    + sha256Hex(trailerText.getBytes(StandardCharsets.UTF_8)));
        }

        private String sign(String stringToSign) {
            return HEX.formatHex(hmac(key, stringToSign));
        }
    }

    static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method())
                .append('\n')
                .append(request.rawPath())
                .append('\n')
                .append(canonicalQuery(request.rawQuery()))
                .append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().apply(name);
            canonical.append(name).append(':');
            if (values != null) {
                canonical.append(String.join(
                        ",",
                        values.stream()
                                .map(v -> v.trim().replaceAll("\\s+", " "))
                                .toList()));
            }
            canonical.append('\n');
        }
        String payloadHash = request.first("x-amz-content-sha256");
        return canonical
                .append('\n')
                .append(String.join(";", signedHeaders))
                .append('\n')
                .append(payloadHash == null ? "UNSIGNED-PAYLOAD" : payloadHash)
                .toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
