package dev.quiver.cli.platform;

import dev.quiver.cli.Credentials;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's object store over the S3 API (path-style, AWS Signature V4 with region us-east-1) with the
 * credentials {@link Credentials#s3} finds: {@code $QUIVER_S3_ACCESS_KEY} / {@code $QUIVER_S3_SECRET_KEY}, else the
 * ones the sources generated into {@code <data dir>/objects/s3-credentials} (sources older than that file: their
 * former defaults).
 */
public final class ObjectStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String REGION = "us-east-1";

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public ObjectStore(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static ObjectStore of(URI endpoint, Workspace ws, java.util.Map<String, String> env) {
        String[] keys = Credentials.s3(ws, env).orElse(new String[] {"quiver", "quiver-secret"});
        return new ObjectStore(endpoint, keys[0], keys[1]);
    }

    /** Creates the bucket if needed, then puts the object; fails naming the HTTP status and the store's answer. */
    public void put(String bucket, String key, byte[] content) {
        HttpResponse<String> created = send("PUT", "/" + bucket, new byte[0]);
        if (created.statusCode() >= 300 && created.statusCode() != 409) {
            throw QuiverException.failed("the object store answered HTTP " + created.statusCode() + " creating bucket "
                    + bucket + ": " + created.body());
        }
        HttpResponse<String> r = send("PUT", "/" + bucket + "/" + key, content);
        if (r.statusCode() >= 300) {
            throw QuiverException.failed("the object store answered HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    public boolean exists(String bucket, String key) {
        return send("HEAD", "/" + bucket + "/" + key, new byte[0]).statusCode() == 200;
    }

    private HttpResponse<String> send(String method, String path, byte[] body) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        String date = now.substring(0, 8);
        String payloadHash = hex(sha256(body));
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        String canonicalPath = encodePath(path);
        String canonical = method + "\n" + canonicalPath + "\n\nhost:" + host + "\nx-amz-content-sha256:" + payloadHash
                + "\nx-amz-date:" + now + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + payloadHash;
        String scope = date + "/" + REGION + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + now + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(hmac(hmac(k, REGION), "s3"), "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + hex(hmac(k, toSign));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.toString() + canonicalPath))
                .timeout(Duration.ofSeconds(30))
                .header("x-amz-date", now)
                .header("x-amz-content-sha256", payloadHash)
                .header("Authorization", authorization)
                .method(
                        method,
                        body.length == 0 && !method.equals("PUT")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw QuiverException.notRunning("the object store is not running (" + endpoint + "): " + e.getMessage()
                    + "; quiver up (needs eventing/sources)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
    }

    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
