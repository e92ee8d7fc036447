package dev.quiver.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewSecretFileIsOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path file = dir.resolve("sub/token");
        String first = SecretFile.readOrCreate(file, SecretFile.random());
        assertThat(first).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretFile.readOrCreate(file, SecretFile.random())).isEqualTo(first);
    }

    @Test
    void readTrimsAndNamesTheKeyWhenTheFileIsMissingOrEmpty() throws Exception {
        Path file = dir.resolve("t");
        Files.writeString(file, " abc\n");
        assertThat(SecretFile.read("x.token-file", file)).isEqualTo("abc");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> SecretFile.read("x.token-file", file))
                .hasMessageContaining("x.token-file")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SecretFile.read("x.token-file", dir.resolve("missing")))
                .hasMessageContaining("x.token-file cannot be read");
    }
}
