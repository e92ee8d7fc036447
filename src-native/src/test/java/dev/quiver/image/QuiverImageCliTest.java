package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuiverImageCliTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    @Test
    void missingRequiredOptionsExit2WithUsage() {
        assertThat(QuiverImage.run("--app", "x")).isEqualTo(2);
        assertThat(err())
                .contains("Missing required options")
                .contains("--image")
                .contains("Usage: quiver-image");
    }

    @Test
    void anAppDirectoryThatIsNotThereExits2NamingIt(@TempDir Path dir) {
        assertThat(QuiverImage.run(
                        "--app",
                        dir.resolve("nope").toString(),
                        "--image",
                        "a/b:1",
                        "--output",
                        dir.resolve("o.tar").toString()))
                .isEqualTo(2);
        assertThat(err()).contains("--app " + dir.resolve("nope") + " is not a directory");
    }

    @Test
    void aDaemonBaseExits2(@TempDir Path dir) {
        assertThat(QuiverImage.run(
                        "--app",
                        dir.toString(),
                        "--image",
                        "a/b:1",
                        "--output",
                        dir.resolve("o.tar").toString(),
                        "--base",
                        "docker://x"))
                .isEqualTo(2);
        assertThat(err()).contains("quiver-image: --base docker://x");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
