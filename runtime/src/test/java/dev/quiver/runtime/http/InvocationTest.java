package dev.quiver.runtime.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A plain @Funq method reached over real HTTP as plain JSON and as a CloudEvent in binary and structured mode. */
@QuarkusTest
class InvocationTest {

    @Test
    void plainJsonPostReturnsTheFunctionsResult() {
        given().contentType("application/json")
                .body("{\"name\":\"Ada\"}")
                .post("/greet")
                .then()
                .statusCode(200)
                .body("message", org.hamcrest.Matchers.equalTo("Hello Ada!"));
    }

    @Test
    void binaryCloudEventIsAnsweredWithABinaryCloudEvent() {
        Response response = given().header("ce-specversion", "1.0")
                .header("ce-id", "evt-1")
                .header("ce-type", "greet")
                .header("ce-source", "/tests")
                .contentType("application/json")
                .body("{\"name\":\"Grace\"}")
                .post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("ce-specversion")).isEqualTo("1.0");
        assertThat(response.header("ce-id")).isNotBlank();
        assertThat(response.jsonPath().getString("message")).isEqualTo("Hello Grace!");
    }

    @Test
    void structuredCloudEventIsAnsweredWithAStructuredCloudEvent() {
        Response response =
                given().contentType("application/cloudevents+json").body("""
                        {"specversion":"1.0","id":"evt-2","type":"greet","source":"/tests",
                         "datacontenttype":"application/json","data":{"name":"Linus"}}""").post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/cloudevents+json");
        JsonPath event = response.jsonPath();
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("data.message")).isEqualTo("Hello Linus!");
    }

    @Test
    void functionSetsTypeSourceSubjectAndExtensionsOfItsBinaryReply() {
        Response response = given().header("ce-specversion", "1.0")
                .header("ce-id", "evt-3")
                .header("ce-type", "shout")
                .header("ce-source", "/tests")
                .contentType("application/json")
                .body("{\"name\":\"hopper\"}")
                .post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("ce-type")).isEqualTo("dev.quiver.test.shouted");
        assertThat(response.header("ce-source")).isEqualTo("/tests/shout");
        assertThat(response.header("ce-subject")).isEqualTo("hopper");
        assertThat(response.header("ce-traceparent")).isEqualTo("00-abc-def-01");
        assertThat(response.header("ce-quiverrun")).isEqualTo("42");
        assertThat(response.jsonPath().getString("message")).isEqualTo("HOPPER!");
    }

    @Test
    void functionSetsTypeSourceSubjectAndExtensionsOfItsStructuredReply() {
        Response response =
                given().contentType("application/cloudevents+json").body("""
                        {"specversion":"1.0","id":"evt-4","type":"shout","source":"/tests",
                         "datacontenttype":"application/json","data":{"name":"knuth"}}""").post("/");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath event = response.jsonPath();
        assertThat(event.getString("type")).isEqualTo("dev.quiver.test.shouted");
        assertThat(event.getString("source")).isEqualTo("/tests/shout");
        assertThat(event.getString("subject")).isEqualTo("knuth");
        assertThat(event.getString("quiverrun")).isEqualTo("42");
        assertThat(event.getString("data.message")).isEqualTo("KNUTH!");
    }

    @Test
    void aThrowingFunctionAnswers500WithAJsonBodyNamingTheFunctionAndCause() {
        Response response = given().contentType("application/json")
                .body("{\"name\":\"Bob\"}")
                .post("/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath body = response.jsonPath();
        assertThat(body.getString("function")).isEqualTo("boom");
        assertThat(body.getString("error")).isEqualTo("function_failed");
        assertThat(body.getString("message")).isEqualTo("java.lang.IllegalStateException: cannot greet Bob");
        assertThat(response.asString()).doesNotContain("\tat ").doesNotContain("<html");
    }

    @Test
    void unreadableInputAnswers400WithAJsonBody() {
        Response response =
                given().contentType("application/json").body("{not json").post("/greet");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error")).isEqualTo("bad_request");
        assertThat(response.jsonPath().getString("function")).isEqualTo("greet");
    }

    @Test
    void anEventTypeNoFunctionTakesAnswers404() {
        Response response = given().header("ce-specversion", "1.0")
                .header("ce-id", "evt-5")
                .header("ce-type", "nobody.listens")
                .header("ce-source", "/tests")
                .contentType("application/json")
                .body("{}")
                .post("/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("error")).isEqualTo("not_found");
    }
}
