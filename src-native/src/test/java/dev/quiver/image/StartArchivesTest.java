package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartArchivesTest {

    @TempDir
    Path app;

    private final ImageLog log = new ImageLog(new PrintStream(new ByteArrayOutputStream()));

    @BeforeEach
    void appWithAnArchive() throws Exception {
        Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Files.writeString(app.resolve("app-cds.jsa"), "not really an archive");
    }

    @Test
    void anArchiveTheRuntimeRejectsIsLeftOutWithTheJvmsReason() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<StartArchives.Decision> decisions = StartArchives.decide(app, Optional.of(java), false, log);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.archive().name()).isEqualTo("app-cds.jsa");
            assertThat(d.include()).isFalse();
            assertThat(d.reason()).startsWith("left out: the image's runtime cannot use it (");
        });
    }

    @Test
    void onABaseThatCannotRunHereAnArchiveIsLeftOutUnlessTrusted() throws Exception {
        assertThat(StartArchives.decide(app, Optional.empty(), false, log))
                .singleElement()
                .satisfies(d -> assertThat(d.include()).isFalse())
                .satisfies(d -> assertThat(d.reason()).contains("quarkus.package.jar.appcds.builder-image"));
        assertThat(StartArchives.decide(app, Optional.empty(), true, log))
                .singleElement()
                .satisfies(d -> assertThat(d.include()).isTrue());
    }

    @Test
    void anAppWithoutArchivesHasNothingToDecide() throws Exception {
        Files.delete(app.resolve("app-cds.jsa"));
        assertThat(StartArchives.decide(app, Optional.empty(), true, log)).isEmpty();
    }
}
