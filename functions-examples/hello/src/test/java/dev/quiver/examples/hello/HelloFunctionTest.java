package dev.quiver.examples.hello;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HelloFunctionTest {

    @Test
    void plainJsonGetsAJsonGreeting() {
        Response response = given().contentType("application/json")
                .body("{\"name\":\"Ada\"}")
                .post("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("message")).isEqualTo("Hello Ada!");
    }

    @Test
    void aCloudEventGetsAGreetingEvent() {
        Response response = given().header("ce-specversion", "1.0")
                .header("ce-id", "42")
                .header("ce-type", "dev.quiver.hello.requested")
                .header("ce-source", "/demo")
                .contentType("application/json")
                .body("{\"name\":\"Grace\"}")
                .post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("ce-type")).isEqualTo("dev.quiver.hello.greeting");
        assertThat(response.header("ce-source")).isEqualTo("/functions/hello");
        assertThat(response.jsonPath().getString("message")).isEqualTo("Hello Grace!");
    }

    @Test
    void aStructuredCloudEventGetsAStructuredGreetingEvent() {
        Response response = given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\",\"id\":\"7\",\"type\":\"dev.quiver.hello.requested\","
                        + "\"source\":\"/demo\",\"datacontenttype\":\"application/json\",\"data\":{\"name\":\"Alan\"}}")
                .post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("type")).isEqualTo("dev.quiver.hello.greeting");
        assertThat(response.jsonPath().getString("data.message")).isEqualTo("Hello Alan!");
    }

    @Test
    void aMissingNameGreetsTheWorld() {
        assertThat(new Greeter().greet(" ")).isEqualTo("Hello world!");
        assertThat(new Greeter().greet(null)).isEqualTo("Hello world!");
    }
}
