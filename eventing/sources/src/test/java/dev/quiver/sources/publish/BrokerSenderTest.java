package dev.quiver.sources.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerSenderTest {

    final Vertx vertx = Vertx.vertx();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void theBrokerTokenIsSentAsBearerAndNoHeaderWithoutOne() throws Exception {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(req -> {
                    authorizations.add(String.valueOf(req.getHeader("Authorization")));
                    req.response().setStatusCode(202).end();
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        URI url = URI.create("http://127.0.0.1:" + server.actualPort() + "/default");
        var event = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/t"))
                .withType("t")
                .build();

        assertThat(new BrokerSender(vertx, url, Duration.ofSeconds(5), Optional.of("in-1")).send(event))
                .isEqualTo(202);
        assertThat(new BrokerSender(vertx, url, Duration.ofSeconds(5), Optional.empty()).send(event))
                .isEqualTo(202);
        assertThat(authorizations).containsExactly("Bearer in-1", "null");
    }
}
