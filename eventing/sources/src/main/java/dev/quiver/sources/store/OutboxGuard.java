package dev.quiver.sources.store;

import dev.quiver.sources.store.checksum.ChecksumFront;
import dev.quiver.sources.store.checksum.S3Error;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jboss.logging.Logger;

/**
 * Keeps the S3 API away from the outbox and slows writers down while it is full.
 * <p>
 * The outbox lives in the data directory beside the buckets, as {@code .outbox}: a request for any "bucket" whose name
 * starts with '.' (no S3 bucket name can) is answered {@code 404 NoSuchBucket}, so no client can read or change it.
 * <p>
 * While the outbox is full, refuses every S3 request that could make an event (a PUT, POST or DELETE of an object,
 * a multi-object delete) with S3's {@code 503 SlowDown}, before anything is read or stored: the object does not
 * appear and no event is made. The AWS SDKs and CLI retry SlowDown with backoff. Creating or deleting a bucket and
 * every read pass.
 */
final class OutboxGuard extends HandlerWrapper {

    private static final Logger LOG = Logger.getLogger(OutboxGuard.class);

    private final BooleanSupplier full;

    private OutboxGuard(org.gaul.shaded.org.eclipse.jetty.server.Handler inner, BooleanSupplier full) {
        this.full = full;
        setHandler(inner);
    }

    /** Puts the front before everything else of {@code proxy} (after {@link ChecksumFront#install}). */
    static void install(S3Proxy proxy, BooleanSupplier full) {
        Server server = ChecksumFront.serverOf(proxy);
        server.setHandler(new OutboxGuard(server.getHandler(), full));
    }

    /** Whether a request of this method on this path could make an event. */
    static boolean makesEvents(String method, String path) {
        String trimmed = path == null ? "" : path.replaceFirst("^/+", "");
        int slash = trimmed.indexOf('/');
        boolean objectPath = slash > 0 && slash < trimmed.length() - 1;
        return switch (method) {
            case "PUT", "DELETE" -> objectPath;
            case "POST" -> !trimmed.isEmpty();
            default -> false;
        };
    }

    /** Whether the path names a directory of the data directory that is no bucket (the outbox). */
    static boolean hidden(String path) {
        return path != null && path.replaceFirst("^/+", "").startsWith(".");
    }

    private static void answer(HttpServletResponse response, S3Error error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/xml");
        response.getOutputStream().write(error.xml().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (hidden(request.getRequestURI())) {
            answer(response, new S3Error(404, "NoSuchBucket", "The specified bucket does not exist"));
            baseRequest.setHandled(true);
            return;
        }
        if (makesEvents(request.getMethod(), request.getRequestURI()) && full.getAsBoolean()) {
            LOG.debugf("%s %s refused: the outbox is full", request.getMethod(), request.getRequestURI());
            S3Error slowDown = S3Error.slowDown("Please reduce your request rate: events wait for the broker "
                    + "(the outbox is full, see quiver.sources.outbox.max-events / max-bytes).");
            response.setHeader("Retry-After", "1");
            answer(response, slowDown);
            baseRequest.setHandled(true);
            return;
        }
        super.handle(target, baseRequest, request, response);
    }
}
