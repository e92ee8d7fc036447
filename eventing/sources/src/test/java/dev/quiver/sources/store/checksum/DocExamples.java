package dev.quiver.sources.store.checksum;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signature examples of the S3 API reference (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html,
 * sigv4-streaming.html and sigv4-streaming-trailers.html): example credentials, 2013-05-24, 65,536 + 1,024 bytes of 'a'.
 */
final class DocExamples {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2013-05-24T00:00:00Z");
    static final SigV4 SIGV4 = new SigV4(ACCESS_KEY, SECRET_KEY);

    static final List<String> CHUNK_SIGNATURES = List.of(
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
    static final List<String> TRAILER_CHUNK_SIGNATURES = List.of(
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992");
    static final String TRAILERS = "x-amz-checksum-crc32c:sOO8/Q==\r\n"
            + "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n";

    private DocExamples() {}

    /** GET /test.txt with a Range header, signature f0e8bdb8... */
    static SigV4.SignedRequest getObject() {
        return request(
                "GET",
                Map.of(
                        "authorization",
                                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
                        "host", "examplebucket.s3.amazonaws.com",
                        "range", "bytes=0-9",
                        "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "x-amz-date", "20130524T000000Z"),
                "/test.txt");
    }

    /** The streaming PUT: STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or with a CRC32C trailer. */
    static SigV4.SignedRequest chunkedPut(boolean trailer) {
        Map<String, String> headers = new TreeMap<>(Map.of(
                "content-encoding", "aws-chunked",
                "host", "s3.amazonaws.com",
                "x-amz-date", "20130524T000000Z",
                "x-amz-decoded-content-length", "66560",
                "x-amz-storage-class", "REDUCED_REDUNDANCY"));
        if (trailer) {
            headers.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
            headers.put("x-amz-trailer", "x-amz-checksum-crc32c");
            headers.put(
                    "authorization",
                    authorization(
                            "content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                            "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e"));
        } else {
            headers.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            headers.put("content-length", "66824");
            headers.put(
                    "authorization",
                    authorization(
                            "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class",
                            "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"));
        }
        return request("PUT", headers, "/examplebucket/chunkObject.txt");
    }

    /** The aws-chunked body of {@link #chunkedPut}. */
    static byte[] chunkedBody(boolean trailer) {
        List<String> signatures = trailer ? TRAILER_CHUNK_SIGNATURES : CHUNK_SIGNATURES;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("10000;chunk-signature=" + signatures.get(0) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("a".repeat(65536).getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(("\r\n400;chunk-signature=" + signatures.get(1) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("a".repeat(1024).getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(("\r\n0;chunk-signature=" + signatures.get(2) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(((trailer ? TRAILERS : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    static SigV4.SignedRequest request(String method, Map<String, String> headers, String path) {
        return new SigV4.SignedRequest(
                method, path, null, name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of());
    }

    private static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders="
                + signedHeaders + ",Signature=" + signature;
    }
}
