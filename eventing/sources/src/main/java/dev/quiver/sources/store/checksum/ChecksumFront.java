package dev.quiver.sources.store.checksum;

import dev.quiver.sources.store.checksum.UploadPlan.Framing;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jboss.logging.Logger;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;

/**
 * S3's flexible checksums in front of s3proxy 2.6 (which answers NotImplemented to them, and cannot read an
 * aws-chunked body with trailers): verifies the {@code x-amz-checksum-*} value sent in a header or a trailer before
 * the store sees a byte (a wrong one is S3's BadDigest, and nothing is stored, so no event), answers it back in the
 * response as S3 does, decodes aws-chunked bodies (checking the seed, chunk and trailer signatures of signed ones),
 * and hands s3proxy the request without the headers it does not know. Requests without any of this pass untouched.
 * <p>
 * An aws-chunked request is authenticated here (its payload hash {@code STREAMING-...-TRAILER} is one s3proxy cannot
 * check) and then served by a second s3proxy handler over the same store that does no authentication of its own.
 */
public final class ChecksumFront extends HandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ChecksumFront.class);
    private static final int MEMORY_LIMIT = 1024 * 1024;
    private static final String COPY_SOURCE = "x-amz-copy-source";
    private static final String CHECKSUM_MODE = "x-amz-checksum-mode";
    private static final String CHECKSUM_ALGORITHM = "x-amz-checksum-algorithm";

    private static final int COMPLETE_BODY_LIMIT = 4 * 1024 * 1024;

    private final Handler verified;
    private final SigV4 signatures;
    private final Clock clock;
    private final PartSums parts;
    private final BlobStore store;

    private ChecksumFront(
            Handler authenticating, Handler verified, SigV4 signatures, Clock clock, PartSums parts, BlobStore store) {
        this.verified = verified;
        this.signatures = signatures;
        this.clock = clock;
        this.parts = parts;
        this.store = store;
        setHandler(authenticating);
        addBean(verified, true);
    }

    /**
     * Puts the front before {@code proxy}'s handler. {@code unauthenticated} is an s3proxy over the same store with
     * {@code AuthenticationType.NONE}; it is never started: only its handler serves the requests the front checked.
     * {@code parts} keeps multipart uploads' part checksums; {@code store} is the proxies' blob store (for uploads'
     * checksum plans).
     */
    public static void install(
            S3Proxy proxy, S3Proxy unauthenticated, SigV4 signatures, Clock clock, PartSums parts, BlobStore store) {
        Server server = serverOf(proxy);
        Handler verified = serverOf(unauthenticated).getHandler();
        verified.setServer(server);
        server.setHandler(new ChecksumFront(server.getHandler(), verified, signatures, clock, parts, store));
    }

    /** The Jetty server inside {@code proxy}. */
    public static Server serverOf(S3Proxy proxy) {
        try {
            // s3proxy 2.6 builds its Jetty server privately and offers no way to add a handler before its own
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            return (Server) field.get(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "s3proxy has no private Jetty 'server' field any more: "
                            + "the checksum front must be installed another way",
                    e);
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        List<String> names = Collections.list(request.getHeaderNames());
        try {
            for (String name : names) {
                if (name.toLowerCase(Locale.ROOT).startsWith(StoredChecksum.RESERVED_HEADER_PREFIX)) {
                    throw new S3Error(
                            400,
                            "InvalidArgument",
                            "User metadata starting with " + StoredChecksum.RESERVED_HEADER_PREFIX
                                    + " is reserved for the store: " + name);
                }
            }
            S3Operation operation =
                    S3Operation.of(request.getMethod(), request.getQueryString(), request.getHeader(COPY_SOURCE));
            HttpServletResponse answer = new ChecksumHeaders(response, answersChecksum(operation, request));
            UploadPlan plan = UploadPlan.of(names, request::getHeader);
            if (operation == S3Operation.COMPLETE_MULTIPART_UPLOAD
                    && !plan.framing().chunked()) {
                complete(target, baseRequest, request, answer);
                return;
            }
            if (!plan.touched()) {
                super.handle(target, baseRequest, request, answer);
                return;
            }
            try (Spool spool = new Spool(MEMORY_LIMIT)) {
                serve(operation, plan, target, baseRequest, request, answer, spool);
            }
        } catch (S3Error e) {
            LOG.debugf("%s %s refused: %s %s", request.getMethod(), request.getRequestURI(), e.code(), e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(e.status());
                response.setContentType("application/xml");
                response.getOutputStream().write(e.xml().getBytes(StandardCharsets.UTF_8));
            }
            baseRequest.setHandled(true);
        }
    }

    private static boolean answersChecksum(S3Operation operation, HttpServletRequest request) {
        return operation == S3Operation.READ
                && "ENABLED"
                        .equalsIgnoreCase(
                                String.valueOf(request.getHeader(CHECKSUM_MODE)).trim())
                && request.getHeader("range") == null
                && S3Operation.param(request.getQueryString(), "partNumber").isEmpty();
    }

    /** CompleteMultipartUpload: its listed part checksums checked and the object's worked out before s3proxy runs. */
    private void complete(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException, S3Error {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(COMPLETE_BODY_LIMIT + 1);
        }
        if (body.length > COMPLETE_BODY_LIMIT) {
            throw S3Error.invalidRequest(
                    "The CompleteMultipartUpload body is larger than " + COMPLETE_BODY_LIMIT + " bytes.");
        }
        String uploadId =
                S3Operation.param(request.getQueryString(), "uploadId").orElseThrow();
        String bucket = bucketOf(request.getRequestURI());
        Set<String> hidden = new HashSet<>(Set.of("x-amz-checksum-*", UploadPlan.SDK_ALGORITHM));
        String authorization = request.getHeader("authorization");
        if (authorization == null
                || !authorization.startsWith("AWS4-HMAC-SHA256")
                || bucket == null
                || !PartSums.isUploadId(uploadId)) {
            // not Signature V4 (whose clients send no checksums), or s3proxy answers it with an error
            super.handle(target, baseRequest, new StoreRequest(request, hidden, Map.of(), replay(body)), response);
            return;
        }
        // s3proxy cannot read every checksum element: the request is authenticated here, and the store gets the
        // parts without their (checked) checksums
        signatures.verify(signedRequest(request), clock.instant());
        String payloadHash = request.getHeader(UploadPlan.CONTENT_SHA256);
        if (payloadHash != null
                && !payloadHash.equals("UNSIGNED-PAYLOAD")
                && !payloadHash.equalsIgnoreCase(SigV4.sha256Hex(body))) {
            throw new S3Error(
                    400,
                    "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        BlobMetadata stub = store.blobMetadata(bucket, uploadId);
        List<MultipartCompletion.Listed> listed = MultipartCompletion.parse(body);
        HttpServletResponse answer = response;
        if (stub != null) { // else s3proxy answers NoSuchUpload
            Optional<StoredChecksum> sum = MultipartCompletion.decide(
                    listed, parts.parts(uploadId), StoredChecksum.of(stub.getUserMetadata()), request::getHeader);
            if (sum.isPresent()) {
                parts.complete(uploadId, sum.get());
                response.setHeader(ChecksumHeaders.TYPE_HEADER, sum.get().type().name());
                answer = new CompletionAnswer(response, sum.get());
            }
        }
        byte[] stripped = MultipartCompletion.forStore(listed);
        hidden.addAll(List.of("authorization", UploadPlan.CONTENT_SHA256));
        Map<String, String> replaced = new HashMap<>();
        replaced.put("content-length", Integer.toString(stripped.length));
        verified.handle(target, baseRequest, new StoreRequest(request, hidden, replaced, replay(stripped)), answer);
        if (answer instanceof CompletionAnswer completion) {
            completion.finish();
        }
    }

    private static InputStream replay(byte[] body) {
        return new ByteArrayInputStream(body);
    }

    private static SigV4.SignedRequest signedRequest(HttpServletRequest request) {
        return new SigV4.SignedRequest(
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString(),
                name -> Collections.list(request.getHeaders(name)));
    }

    private static String bucketOf(String uri) {
        String path = uri.startsWith("/") ? uri.substring(1) : uri;
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        return bucket.isEmpty() || bucket.startsWith(".") ? null : bucket;
    }

    private void serve(
            S3Operation operation,
            UploadPlan plan,
            String target,
            Request baseRequest,
            HttpServletRequest request,
            HttpServletResponse response,
            Spool spool)
            throws IOException, ServletException, S3Error {
        Set<String> hidden = new HashSet<>(Set.of("x-amz-checksum-*", UploadPlan.SDK_ALGORITHM, UploadPlan.TRAILER));
        Map<String, String> replaced = new HashMap<>();
        ChecksumAlgorithm.Digest digest =
                plan.algorithm().map(ChecksumAlgorithm::newDigest).orElse(null);
        InputStream body = null;
        String expected = plan.expected();
        if (plan.framing().chunked()) {
            SigV4.Seed seed = signatures.verify(signedRequest(request), clock.instant());
            Map<String, String> trailers;
            try (InputStream in = request.getInputStream()) {
                trailers = AwsChunked.decode(in, spool, digest, plan.framing() == Framing.SIGNED_CHUNKS ? seed : null);
            }
            if (expected == null && plan.algorithm().isPresent()) {
                expected = trailers.get(plan.algorithm().get().header());
                if (expected == null) {
                    throw S3Error.invalidRequest("The announced trailer "
                            + plan.algorithm().get().header() + " is missing from the aws-chunked body.");
                }
            }
            String decodedLength = request.getHeader(UploadPlan.DECODED_LENGTH);
            if (decodedLength != null && !decodedLength.trim().equals(Long.toString(spool.size()))) {
                throw S3Error.incompleteBody("You did not provide the number of bytes specified by "
                        + "x-amz-decoded-content-length (" + decodedLength + "); the body had " + spool.size() + ".");
            }
            hidden.addAll(List.of("authorization", UploadPlan.CONTENT_SHA256, UploadPlan.DECODED_LENGTH));
            replaced.put("content-length", Long.toString(spool.size()));
            replaced.put("content-encoding", withoutAwsChunked(request.getHeader("content-encoding")));
            replaced.put("transfer-encoding", null);
            body = spool.open();
        } else if (digest != null) {
            try (InputStream in = request.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    spool.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                }
            }
            body = spool.open();
        }
        String checksumHeader = null;
        String actual = null;
        if (digest != null) {
            actual = digest.base64();
            if (!actual.equals(expected == null ? null : expected.trim())) {
                throw S3Error.badDigest(plan.algorithm().get());
            }
            checksumHeader = plan.algorithm().get().header();
        }
        HttpServletResponse answer = response;
        if (checksumHeader != null && "PUT".equals(request.getMethod())) {
            answer = new ChecksumResponse(response, checksumHeader, actual);
        }
        if (checksumHeader != null && operation == S3Operation.PUT_OBJECT) {
            StoredChecksum sum = new StoredChecksum(plan.algorithm().get(), StoredChecksum.Type.FULL_OBJECT, actual);
            replaced.put(StoredChecksum.METADATA_HEADER, sum.metadata());
        }
        if (operation == S3Operation.CREATE_MULTIPART_UPLOAD) {
            uploadPlan(request).ifPresent(sum -> {
                replaced.put(StoredChecksum.METADATA_HEADER, sum.metadata());
                response.setHeader(CHECKSUM_ALGORITHM, sum.algorithm().name());
                response.setHeader(ChecksumHeaders.TYPE_HEADER, sum.type().name());
            });
        }
        StoredChecksum copyChecksum = null;
        if (operation == S3Operation.COPY_OBJECT && request.getHeader(CHECKSUM_ALGORITHM) != null) {
            copyChecksum = CopySource.checksum(
                    store, request.getHeader(COPY_SOURCE), named(request.getHeader(CHECKSUM_ALGORITHM)));
        }
        StoreRequest storeRequest = new StoreRequest(request, hidden, replaced, body);
        try (InputStream closing = body;
                ChecksumBlobStore.Asked asked = ChecksumBlobStore.copiesGet(copyChecksum)) {
            if (plan.framing().chunked()) {
                verified.handle(target, baseRequest, storeRequest, answer);
            } else {
                super.handle(target, baseRequest, storeRequest, answer);
            }
        }
        if (checksumHeader != null && operation == S3Operation.UPLOAD_PART && answer.getStatus() < 300) {
            String query = request.getQueryString();
            parts.record(
                    S3Operation.param(query, "uploadId").orElseThrow(),
                    new MultipartChecksums.Part(
                            Integer.parseInt(
                                    S3Operation.param(query, "partNumber").orElseThrow()),
                            plan.algorithm().get(),
                            actual,
                            spool.size()));
        }
    }

    private static ChecksumAlgorithm named(String name) throws S3Error {
        return ChecksumAlgorithm.named(name)
                .orElseThrow(() -> S3Error.invalidRequest("Checksum algorithm provided is unsupported: " + name));
    }

    /** The checksum plan CreateMultipartUpload asks for (x-amz-checksum-algorithm and x-amz-checksum-type), if any. */
    private static Optional<StoredChecksum> uploadPlan(HttpServletRequest request) throws S3Error {
        String name = request.getHeader(CHECKSUM_ALGORITHM);
        if (name == null) {
            return Optional.empty();
        }
        ChecksumAlgorithm algorithm = named(name);
        String typeName = request.getHeader(ChecksumHeaders.TYPE_HEADER);
        StoredChecksum.Type type = null;
        if (typeName != null) {
            type = StoredChecksum.type(typeName)
                    .orElseThrow(() -> S3Error.invalidRequest("Value for x-amz-checksum-type header is invalid: "
                            + typeName + " (FULL_OBJECT or COMPOSITE)."));
        }
        return Optional.of(new StoredChecksum(algorithm, MultipartChecksums.type(algorithm, type), null));
    }

    private static String withoutAwsChunked(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        String rest = String.join(
                ",",
                List.of(contentEncoding.split(",")).stream()
                        .map(String::trim)
                        .filter(e -> !e.isEmpty() && !e.equalsIgnoreCase("aws-chunked"))
                        .toList());
        return rest.isEmpty() ? null : rest;
    }
}
