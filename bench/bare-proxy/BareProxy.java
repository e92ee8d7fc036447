import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The nearest anchor of an in-path proxy (bench/gateway.sh): the least an HTTP/1.1 reverse proxy on Vert.x does,
 * with the activator's transport, event loops and client options: forward the method, URI, headers and body to one
 * fixed instance over kept-alive connections and stream the answer back. No routing, admission, metrics, body limits,
 * hop-by-hop headers or errors worth the name: what is left between it and the activator is the activator's work.
 *
 *   java -cp '<platform>/lib/main/*' bench/bare-proxy/BareProxy.java <listen port> <target port> [event loops=2]
 */
public class BareProxy {
    public static void main(String[] args) {
        int listen = Integer.parseInt(args[0]);
        int target = Integer.parseInt(args[1]);
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        System.out.println("bare proxy :" + listen + " -> :" + target + ", " + loops + " event loop(s), transport "
                + (vertx.isNativeTransportEnabled() ? "native (epoll)" : "JDK NIO"));
        vertx.deployVerticle(() -> new AbstractVerticle() {
                    @Override
                    public void start() {
                        HttpClient client = vertx.createHttpClient(
                                new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                                new PoolOptions().setHttp1MaxSize(1000).setMaxWaitQueueSize(-1));
                        vertx.createHttpServer(new HttpServerOptions()
                                        .setHost("127.0.0.1")
                                        .setPort(listen)
                                        .setTcpNoDelay(true))
                                .requestHandler(req -> {
                                    req.pause();
                                    RequestOptions to = new RequestOptions()
                                            .setMethod(req.method())
                                            .setHost("127.0.0.1")
                                            .setPort(target)
                                            .setURI(req.uri());
                                    to.setHeaders(req.headers());
                                    client.request(to)
                                            .compose(out -> out.send(req).onSuccess(in -> {
                                                req.response().setStatusCode(in.statusCode());
                                                req.response().headers().setAll(in.headers());
                                                in.pipeTo(req.response());
                                            }))
                                            .onFailure(e -> req.response().setStatusCode(502).end());
                                })
                                .listen();
                    }
                },
                new DeploymentOptions().setInstances(loops));
    }
}
