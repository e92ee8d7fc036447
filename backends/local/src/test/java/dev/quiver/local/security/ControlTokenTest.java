package dev.quiver.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.security.SecretFile;
import dev.quiver.local.config.PlatformSettings.SecuritySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlTokenTest {
    @TempDir
    Path data;

    @Test
    void aNewTokenIs256RandomBitsInAFileOnlyTheOwnerReads() throws Exception {
        Path file = data.resolve("sub/control-token");

        String token = SecretFile.token(file);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file)).isEqualTo(token + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretFile.newToken()).isNotEqualTo(token);
    }

    @Test
    void anExistingTokenIsReused() {
        Path file = data.resolve("control-token");
        String first = SecretFile.token(file);

        assertThat(SecretFile.token(file)).isEqualTo(first);
    }

    @Test
    void aTokenGivenBySettingIsWrittenForTheCli() throws Exception {
        Path file = data.resolve("control-token");
        SecretFile.token(file);

        ControlToken t = ControlToken.resolve(
                new SecuritySettings("127.0.0.1", Optional.of("given-token-0123456789"), file, List.of(data)));

        assertThat(t.value()).isEqualTo("given-token-0123456789");
        assertThat(Files.readString(file).strip()).isEqualTo("given-token-0123456789");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(t.toString()).doesNotContain("given-token");
    }

    @Test
    void withoutSettingTheFilesTokenIsUsed() {
        Path file = data.resolve("control-token");
        String inFile = SecretFile.token(file);

        assertThat(ControlToken.resolve(new SecuritySettings("127.0.0.1", Optional.empty(), file, List.of(data)))
                        .value())
                .isEqualTo(inFile);
    }
}
