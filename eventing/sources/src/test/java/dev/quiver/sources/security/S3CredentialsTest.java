package dev.quiver.sources.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.config.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3CredentialsTest {

    @TempDir
    Path data;

    @Test
    void unsetCredentialsAreGeneratedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        S3Credentials first = S3Credentials.resolve(Optional.empty(), Optional.empty(), data);
        Path file = data.resolve("s3-credentials");
        assertThat(first.file()).contains(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Properties p = new Properties();
        p.load(Files.newBufferedReader(file));
        assertThat(p.getProperty("access-key")).isEqualTo(first.accessKey()).hasSize(20);
        assertThat(p.getProperty("secret-key")).isEqualTo(first.secretKey()).hasSize(64);
        assertThat(first.published()).isFalse();
        assertThat(first.toString()).doesNotContain(first.secretKey());

        S3Credentials second = S3Credentials.resolve(Optional.empty(), Optional.empty(), data);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void configuredCredentialsAreUsedAndNoFileWritten() {
        S3Credentials c = S3Credentials.resolve(Optional.of("me"), Optional.of("my-secret-key"), data);
        assertThat(c.accessKey()).isEqualTo("me");
        assertThat(c.file()).isEmpty();
        assertThat(data.resolve("s3-credentials")).doesNotExist();
    }

    @Test
    void onlyOneKeySetIsRefusedNamingTheMissingOne() {
        assertThatThrownBy(() -> S3Credentials.resolve(Optional.of("me"), Optional.empty(), data))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("quiver.sources.secret-key must be set together with quiver.sources.access-key");
    }

    @Test
    void theWebhookTokenIsGeneratedOnceOrTakenFromTheSettings() throws Exception {
        WebhookToken generated = WebhookToken.resolve(Optional.empty(), Optional.empty(), data);
        Path file = data.resolve("webhook-token");
        assertThat(generated.file()).contains(file);
        assertThat(generated.token()).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(WebhookToken.resolve(Optional.empty(), Optional.empty(), data))
                .isEqualTo(generated);

        assertThat(WebhookToken.resolve(Optional.of(" set "), Optional.empty(), data)
                        .token())
                .isEqualTo("set");
        Path own = data.resolve("own-token");
        Files.writeString(own, "from-file\n");
        assertThat(WebhookToken.resolve(Optional.empty(), Optional.of(own.toString()), data)
                        .token())
                .isEqualTo("from-file");
        assertThatThrownBy(() -> WebhookToken.resolve(Optional.empty(), Optional.of("/nonexistent"), data))
                .hasMessageContaining("quiver.sources.webhook.token-file must name a readable, non-empty file");
    }
}
