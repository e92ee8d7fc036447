package dev.quiver.kubernetes.activator;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.Set;

/**
 * Sends one held or incoming request to an endpoint with the Vert.x HTTP client and streams the answer back: same
 * method, URI, end-to-end headers (hop-by-hop ones dropped, {@code X-Forwarded-*} added) and body, both ways
 * streamed with back-pressure. A request whose endpoint cannot be reached gets 502.
 */
final class Forwarder {
    private final HttpClient client;
    private final long idleTimeoutMillis;

    Forwarder(HttpClient client, long idleTimeoutMillis) {
        this.client = client;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** Completes when the answer was sent (or failed); the request must be paused and not yet read. */
    Future<Void> forward(HttpServerRequest in, Target target, Endpoint to) {
        RequestOptions o = new RequestOptions().setMethod(in.method()).setHost(to.host()).setPort(to.port())
                .setURI(target.uri()).setIdleTimeout(idleTimeoutMillis);
        return client.request(o).compose(out -> send(in, out)).compose(resp -> answer(in, resp))
                .recover(e -> {
                    Answers.send(in.response(), 502, target.function(),
                            "instance " + to + " of function '" + target.function() + "' failed: " + e.getMessage(), 0);
                    if (!in.isEnded()) {
                        in.resume();
                    }
                    return Future.succeededFuture();
                });
    }

    private static Future<HttpClientResponse> send(HttpServerRequest in, HttpClientRequest out) {
        copy(in.headers(), out.headers());
        String host = in.getHeader(HttpHeaders.HOST);
        if (host != null) {
            out.putHeader("x-forwarded-host", host);
        }
        if (in.remoteAddress() != null) {
            String prior = in.getHeader("x-forwarded-for");
            String me = in.remoteAddress().hostAddress();
            out.putHeader("x-forwarded-for", prior == null ? me : prior + ", " + me);
        }
        out.putHeader("x-forwarded-proto", in.isSSL() ? "https" : "http");
        if (!hasBody(in)) {
            in.resume();
            return out.send();
        }
        if (in.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            out.setChunked(true);
        }
        return out.send(in);
    }

    private static Future<Void> answer(HttpServerRequest in, HttpClientResponse resp) {
        HttpServerResponse r = in.response();
        r.setStatusCode(resp.statusCode());
        r.setStatusMessage(resp.statusMessage());
        copy(resp.headers(), r.headers());
        boolean noBody = in.method() == HttpMethod.HEAD || resp.statusCode() == 204 || resp.statusCode() == 304
                || resp.statusCode() / 100 == 1;
        if (!noBody && resp.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            r.setChunked(true);
        }
        return resp.pipeTo(r);
    }

    private static boolean hasBody(HttpServerRequest in) {
        String len = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (len != null && !"0".equals(len.trim())) || in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static void copy(MultiMap from, MultiMap to) {
        Set<String> drop = HopByHop.dropped(from.getAll(HttpHeaders.CONNECTION));
        from.forEach(h -> {
            if (!drop.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }
}
