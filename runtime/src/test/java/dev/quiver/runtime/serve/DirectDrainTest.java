package dev.quiver.runtime.serve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.runtime.lifecycle.InstanceState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * While the instance drains, requests on its own port are refused (503: the platform retries elsewhere) but those on
 * direct connections are served and end their connection, so the client moves to another listener of the port.
 */
@QuarkusTest
@TestProfile(DirectProfile.Draining.class)
class DirectDrainTest {

    @Inject
    InstanceState state;

    @Test
    void aDrainingInstanceServesDirectConnectionsWithConnectionCloseAndRefusesItsOwnPort() throws Exception {
        int port = RawHttp.freePort();
        given().auth()
                .oauth2(DirectProfile.TOKEN)
                .contentType(ContentType.JSON)
                .queryParam("host", "127.0.0.1")
                .queryParam("port", port)
                .post("/quiver/direct/listen")
                .then()
                .statusCode(200);
        try (RawHttp kept = new RawHttp(port)) {
            assertThat(kept.post("/greet", "{\"name\":\"before\"}").connection())
                    .isNull();

            state.draining();

            RawHttp.Answer during = kept.post("/greet", "{\"name\":\"during\"}");
            assertThat(during.status()).isEqualTo(200);
            assertThat(during.body()).contains("during");
            assertThat(during.connection()).isEqualToIgnoringCase("close");
            assertThat(kept.closedByServer()).isTrue();
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"own port\"}")
                .post("/greet")
                .then()
                .statusCode(503);
    }
}
