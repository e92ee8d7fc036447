package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialsTest {
    @TempDir
    Path data;

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("the flag wins", "flag-token", Map.of("QUIVER_TOKEN", "env-token"), "flag-token"),
                Arguments.of("then the environment", null, Map.of("QUIVER_TOKEN", "env-token"), "env-token"),
                Arguments.of("then the data directory's file", null, Map.of(), "file-token"),
                Arguments.of("a blank flag is no flag", " ", Map.of(), "file-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void theControlTokenComesFromTheFlagTheEnvironmentOrTheFile(
            String label, String flag, Map<String, String> env, String expected) throws Exception {
        Workspace ws = new Workspace(data, data);
        Files.writeString(Credentials.controlTokenFile(ws), "file-token\n");

        assertThat(Credentials.controlToken(ws, env, flag).get()).contains(expected);
    }

    @Test
    void theTokenFileIsReadAtEachCallSoAStartingPlatformIsFound() throws Exception {
        Workspace ws = new Workspace(data, data);
        var token = Credentials.controlToken(ws, Map.of(), null);
        assertThat(token.get()).isEmpty();

        Files.writeString(Credentials.controlTokenFile(ws), "later\n");

        assertThat(token.get()).contains("later");
    }

    @Test
    void theS3CredentialsComeFromTheEnvironmentOrTheGeneratedFile() throws Exception {
        Workspace ws = new Workspace(data, data);
        assertThat(Credentials.s3(ws, Map.of())).isEmpty();
        Files.createDirectories(Credentials.s3CredentialsFile(ws).getParent());
        Files.writeString(Credentials.s3CredentialsFile(ws), "access-key=gen-access\nsecret-key=gen-secret\n");

        assertThat(Credentials.s3(ws, Map.of()))
                .get()
                .satisfies(k -> assertThat(k).containsExactly("gen-access", "gen-secret"));
        assertThat(Credentials.s3(ws, Map.of("QUIVER_S3_ACCESS_KEY", "a", "QUIVER_S3_SECRET_KEY", "b")))
                .get()
                .satisfies(k -> assertThat(k).containsExactly("a", "b"));
    }
}
