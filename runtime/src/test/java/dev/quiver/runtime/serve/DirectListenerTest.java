package dev.quiver.runtime.serve;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The direct listener serves the function through the runtime's router, on the platform's word only. */
@QuarkusTest
@TestProfile(DirectProfile.class)
class DirectListenerTest {

    @Test
    void theDirectRoutesRefuseRequestsWithoutTheToken() {
        given().contentType(ContentType.JSON)
                .queryParam("host", "127.0.0.1")
                .queryParam("port", 1)
                .post("/quiver/direct/listen")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer wrong")
                .post("/quiver/direct/close")
                .then()
                .statusCode(401);
        given().get("/quiver/direct").then().statusCode(401);
    }

    @Test
    void aListeningInstanceServesTheFunctionOnTheDirectPortAndAfterCloseEndsEachOpenConnection() throws Exception {
        int port = RawHttp.freePort();
        given().auth()
                .oauth2(DirectProfile.TOKEN)
                .contentType(ContentType.JSON)
                .queryParam("host", "127.0.0.1")
                .queryParam("port", port)
                .post("/quiver/direct/listen")
                .then()
                .statusCode(200);
        long before = given().auth()
                .oauth2(DirectProfile.TOKEN)
                .get("/quiver/direct")
                .jsonPath()
                .getLong("served");

        try (RawHttp kept = new RawHttp(port)) {
            RawHttp.Answer first = kept.post("/greet", "{\"name\":\"direct\"}");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("direct");
            assertThat(first.connection()).isNull();
            assertThat(given().auth()
                            .oauth2(DirectProfile.TOKEN)
                            .get("/quiver/direct")
                            .jsonPath()
                            .getLong("served"))
                    .isEqualTo(before + 1);

            var closed = given().auth()
                    .oauth2(DirectProfile.TOKEN)
                    .post("/quiver/direct/close")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(closed.getBoolean("listening")).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            RawHttp.Answer last = kept.post("/greet", "{\"name\":\"last\"}");
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.connection()).isEqualToIgnoringCase("close");
            assertThat(kept.closedByServer()).isTrue();
        }
    }
}
