package dev.quiver.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactionTest {

    static Stream<Arguments> specLines() {
        return Stream.of(
                Arguments.of("env secret", "  DB_PASSWORD: hunter2", "  DB_PASSWORD: ***"),
                Arguments.of("env token, quoted", "  GITHUB_TOKEN: \"ghp_abc\"", "  GITHUB_TOKEN: \"***\""),
                Arguments.of("api key, any case", "  Api_Key: 'abc'", "  Api_Key: '***'"),
                Arguments.of(
                        "property with dots",
                        "  quarkus.datasource.password: pw",
                        "  quarkus.datasource.password: ***"),
                Arguments.of(
                        "property secret with comment",
                        "  s3.secret-key: abc # rotate",
                        "  s3.secret-key: *** # rotate"),
                Arguments.of(
                        "json entry",
                        "    \"AWS_SECRET_ACCESS_KEY\": \"x\",",
                        "    \"AWS_SECRET_ACCESS_KEY\": \"***\","),
                Arguments.of("env list form", "  - API_TOKEN=abc", "  - API_TOKEN=***"),
                Arguments.of("jvm option", "  - -Dmy.secret=abc", "  - -Dmy.secret=***"),
                Arguments.of(
                        "jvm options on one line",
                        "jvmOptions: [\"-Xss1m\", \"-Dapp.token=t1\"]",
                        "jvmOptions: [\"-Xss1m\", \"-Dapp.token=***\"]"),
                Arguments.of(
                        "flow mapping",
                        "env: {API_TOKEN: t0p, GREETING: hi, db_password: 'x y'}",
                        "env: {API_TOKEN: ***, GREETING: hi, db_password: '***'}"),
                Arguments.of(
                        "one-line JSON",
                        "{\"name\":\"a\",\"env\":{\"API_KEY\":\"k\",\"B\":\"c\"}}",
                        "{\"name\":\"a\",\"env\":{\"API_KEY\":\"***\",\"B\":\"c\"}}"),
                Arguments.of(
                        "flow properties", "properties: {app.password: pw-value}", "properties: {app.password: ***}"),
                Arguments.of("plain env kept", "  GREETING: hello", "  GREETING: hello"),
                Arguments.of("name kept", "name: hello", "name: hello"),
                Arguments.of("a mapping key kept", "  keys:", "  keys:"),
                Arguments.of("block scalar marker kept", "  SSH_KEY: |", "  SSH_KEY: |"),
                Arguments.of("other options kept", "  - -Xmx64m", "  - -Xmx64m"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specLines")
    void aSpecHidesSensitiveValues(String label, String line, String redacted) {
        assertThat(Redaction.spec(line)).isEqualTo(redacted);
    }

    @Test
    void aWholeSpecKeepsItsShape() {
        String spec = "name: orders\nartifact: a.jar\nenv:\n  DB_URL: jdbc:x\n  DB_PASSWORD: pw\nproperties:\n"
                + "  app.token: t\n";

        assertThat(Redaction.spec(spec))
                .isEqualTo("name: orders\nartifact: a.jar\nenv:\n  DB_URL: jdbc:x\n"
                        + "  DB_PASSWORD: ***\nproperties:\n  app.token: ***\n");
    }

    static Stream<Arguments> logLines() {
        return Stream.of(
                Arguments.of(
                        "command line",
                        "# java -Xmx128m -Dquarkus.http.port=4100 -Dapp.secret=s -Dkey.store=k -jar a.jar",
                        "# java -Xmx128m -Dquarkus.http.port=4100 -Dapp.secret=*** -Dkey.store=*** -jar a.jar"),
                Arguments.of("quoted value", "-Ddb.password=\"a b\" next", "-Ddb.password=*** next"),
                Arguments.of("shell assignment", "started with API_KEY=abc", "started with API_KEY=***"),
                Arguments.of(
                        "ordinary line",
                        "INFO Listening on: http://127.0.0.1:4100",
                        "INFO Listening on: http://127.0.0.1:4100"),
                Arguments.of("empty value stays empty", "-Dapp.token= x", "-Dapp.token=*** x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logLines")
    void aLogLineHidesSensitiveOptions(String label, String line, String redacted) {
        assertThat(Redaction.line(line)).isEqualTo(redacted);
    }

    @Test
    void aCommandHidesEachSensitiveOption() {
        assertThat(Redaction.command(List.of("java", "-Dquiver.sources.s3.secret-key=abc", "-Dquarkus.http.port=1")))
                .containsExactly("java", "-Dquiver.sources.s3.secret-key=***", "-Dquarkus.http.port=1");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "SECRET,true",
        "my_Password,true",
        "x.token,true",
        "apikey,true",
        "monkey,true",
        "GREETING,false",
        "artifact,false"
    })
    void sensitiveNames(String name, boolean sensitive) {
        assertThat(Redaction.sensitive(name)).isEqualTo(sensitive);
    }
}
