package dev.quiver.api.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.trigger.BrokerAdminClient.Outcome;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerAdminClientTest {
    final FakeBrokerAdmin broker = newBroker();
    final BrokerAdminClient client = new BrokerAdminClient(broker.uri(), Duration.ofSeconds(5));

    static final TriggerDocument ORDERS = TriggerDocument.of(
            "orders",
            TriggerDocument.Spec.of(
                    "default", List.of(Filter.prefix("type", "com.example.order.")), "http://127.0.0.1:9/f/orders/"));

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void aNewTriggerIsCreatedAndTheBrokersAnswerReturned() throws Exception {
        BrokerAdminClient.Applied a = client.apply(ORDERS);

        assertThat(a.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(a.trigger().spec()).isEqualTo(ORDERS.spec());
        assertThat(a.trigger().status().consumerGroup()).isEqualTo("quiver-trigger-default-orders");
        assertThat(broker.requests).containsExactly("POST /admin/v1/triggers");
    }

    @Test
    void aClientWithATokenSendsItAsBearerOnEveryRequestAndOneWithoutSendsNone() throws Exception {
        BrokerAdminClient.withToken(broker.uri(), Duration.ofSeconds(5), java.util.Optional.of(" t0ken\n"))
                .apply(ORDERS);
        client.list();
        assertThat(broker.authorizations).containsExactly("Bearer t0ken", "null");
    }

    @Test
    void anUnchangedTriggerIsLeftAloneWithoutDelete() throws Exception {
        client.apply(ORDERS);
        broker.requests.clear();

        BrokerAdminClient.Applied again = client.apply(ORDERS);

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(broker.requests).containsExactly("POST /admin/v1/triggers", "GET /admin/v1/triggers/orders");
    }

    @Test
    void aChangedTriggerIsReplaced() throws Exception {
        client.apply(ORDERS);
        broker.requests.clear();
        TriggerDocument changed = TriggerDocument.of(
                "orders",
                ORDERS.spec()
                        .withDelivery(new TriggerDocument.Delivery(
                                3, null, null, "PT5S", null, dev.quiver.api.eventing.Destination.ofUri("kafka:dead"))));

        BrokerAdminClient.Applied a = client.apply(changed);

        assertThat(a.outcome()).isEqualTo(Outcome.REPLACED);
        assertThat(a.trigger().spec().delivery().retry()).isEqualTo(3);
        assertThat(broker.requests)
                .containsExactly(
                        "POST /admin/v1/triggers",
                        "GET /admin/v1/triggers/orders",
                        "DELETE /admin/v1/triggers/orders",
                        "POST /admin/v1/triggers");
    }

    @Test
    void aRefusedTriggerNamesTheBrokerTheStatusAndTheBrokersError() {
        broker.refuseStatus = 400;
        broker.refuseBody = "{\"status\":400,\"error\":\"spec.filters[0].cesql: invalid CloudEvents SQL\"}";

        assertThatThrownBy(() -> client.apply(ORDERS)).isInstanceOfSatisfying(BrokerAdminException.class, e -> {
            assertThat(e.invalid()).isTrue();
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("spec.filters[0].cesql: invalid CloudEvents SQL");
            assertThat(e.getMessage())
                    .isEqualTo("broker " + client.broker() + ": create trigger 'orders' answered "
                            + "400: spec.filters[0].cesql: invalid CloudEvents SQL");
        });
    }

    @Test
    void aNonJsonErrorBodyIsShownAsItCame() {
        broker.refuseStatus = 503;
        broker.refuseBody = "upstream down";

        assertThatThrownBy(() -> client.apply(ORDERS)).isInstanceOfSatisfying(BrokerAdminException.class, e -> {
            assertThat(e.unavailable()).isTrue();
            assertThat(e.getMessage()).endsWith("answered 503: upstream down");
        });
    }

    @Test
    void anUnreachableBrokerIsStatusZeroNamingTheBroker() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BrokerAdminClient nowhere =
                new BrokerAdminClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.apply(ORDERS)).isInstanceOfSatisfying(BrokerAdminException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.unavailable()).isTrue();
            assertThat(e.getMessage())
                    .startsWith("broker http://127.0.0.1:" + port + ": create trigger 'orders' got no answer");
        });
    }

    @Test
    void getListAndDeleteFollowTheBroker() throws Exception {
        assertThat(client.get("orders")).isEmpty();
        assertThat(client.delete("orders")).isFalse();
        client.apply(ORDERS);

        assertThat(client.get("orders")).get().extracting(TriggerDocument::spec).isEqualTo(ORDERS.spec());
        assertThat(client.list()).extracting(TriggerDocument::name).containsExactly("orders");
        assertThat(client.delete("orders")).isTrue();
        assertThat(client.list()).isEmpty();
    }

    private static FakeBrokerAdmin newBroker() {
        try {
            return new FakeBrokerAdmin();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
