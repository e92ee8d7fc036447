package dev.quiver.local.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.quiver.api.trigger.BrokerAdminClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BearerHttpClientTest {

    @Test
    void theBrokerAdminClientSendsTheTokenOnEveryCall() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().get("Authorization"));
            byte[] body = "[]".getBytes();
            ex.sendResponseHeaders(ex.getRequestMethod().equals("DELETE") ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            BrokerAdminClient client = new BrokerAdminClient(new BearerHttpClient(HttpClient.newHttpClient(),
                    () -> "admin-token"), URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    Duration.ofSeconds(5));

            client.list();
            client.delete("fn-a");
        } finally {
            server.stop(0);
        }

        assertThat(seen).containsExactly("GET [Bearer admin-token]", "DELETE [Bearer admin-token]");
    }
}
