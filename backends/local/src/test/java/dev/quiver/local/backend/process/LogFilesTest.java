package dev.quiver.local.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-11-28T05:30:01.250Z");

    @Test
    void theNameCarriesTheIdAndTheUtcStartTime() throws Exception {
        Path log = LogFiles.create(dir.resolve("hello"), "hello-1", now);

        assertThat(log).isEqualTo(dir.resolve("hello/hello-1-20261128T053001.250Z.log"));
        assertThat(log).exists().isEmptyFile();
    }

    @Test
    void anIdUsedAgainGetsANewFileAndTheOldLogIsKept() throws Exception {
        Path first = LogFiles.create(dir, "hello-1", now);
        Files.writeString(first, "old instance's output\n");

        Path second = LogFiles.create(dir, "hello-1", now);
        Path third = LogFiles.create(dir, "hello-1", now);

        assertThat(second).isNotEqualTo(first).hasFileName("hello-1-20261128T053001.250Z-2.log");
        assertThat(third).hasFileName("hello-1-20261128T053001.250Z-3.log");
        assertThat(first).hasContent("old instance's output");
    }
}
