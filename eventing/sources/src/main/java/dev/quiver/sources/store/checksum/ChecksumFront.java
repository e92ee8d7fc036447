package dev.quiver.sources.store.checksum;

import dev.quiver.sources.store.checksum.UploadPlan.Framing;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jboss.logging.Logger;

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

    private final Handler verified;
    private final SigV4 signatures;
    private final Clock clock;

    private ChecksumFront(Handler authenticating, Handler verified, SigV4 signatures, Clock clock) {
        this.verified = verified;
        this.signatures = signatures;
        this.clock = clock;
        setHandler(authenticating);
        addBean(verified, true);
    }

    /**
     * Puts the front before {@code proxy}'s handler. {@code unauthenticated} is an s3proxy over the same store with
     * {@code AuthenticationType.NONE}; it is never started: only its handler serves the requests the front checked.
     */
    public static void install(S3Proxy proxy, S3Proxy unauthenticated, SigV4 signatures, Clock clock) {
        Server server = serverOf(proxy);
        Handler verified = serverOf(unauthenticated).getHandler();
        verified.setServer(server);
        server.setHandler(new ChecksumFront(server.getHandler(), verified, signatures, clock));
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
            UploadPlan plan = UploadPlan.of(names, request::getHeader);
            if (!plan.touched()) {
                super.handle(target, baseRequest, request, response);
                return;
            }
            try (Spool spool = new Spool(MEMORY_LIMIT)) {
                serve(plan, target, baseRequest, request, response, spool);
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

    private void serve(
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
            SigV4.Seed seed = signatures.verify(
                    new SigV4.SignedRequest(
                            request.getMethod(),
                            request.getRequestURI(),
                            request.getQueryString(),
                            name -> Collections.list(request.getHeaders(name))),
                    clock.instant());
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
        StoreRequest storeRequest = new StoreRequest(request, hidden, replaced, body);
        try (InputStream closing = body) {
            if (plan.framing().chunked()) {
                verified.handle(target, baseRequest, storeRequest, answer);
            } else {
                super.handle(target, baseRequest, storeRequest, answer);
            }
        }
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

    /** Answers the verified checksum on success, as S3 does for PutObject and UploadPart. */
    private static final class ChecksumResponse extends HttpServletResponseWrapper {
        private final String header;
        private final String value;

        ChecksumResponse(HttpServletResponse response, String header, String value) {
            super(response);
            this.header = header;
            this.value = value;
            response.setHeader(header, value);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            super.setHeader(header, status < 300 ? value : null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.setHeader(header, null);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            super.setHeader(header, null);
            super.sendError(status);
        }
    }
}
