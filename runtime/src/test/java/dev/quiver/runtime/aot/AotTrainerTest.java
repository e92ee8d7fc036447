package dev.quiver.runtime.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AotTrainerTest {
    @TempDir
    Path app;

    @ParameterizedTest(name = "rounds ''{0}'' is refused")
    @ValueSource(strings = {"0", "-1", "many", ""})
    void badRoundsAreRefusedNamingTheKeyAndValue(String value) {
        assertThatThrownBy(() -> AotTrainer.rounds(value))
                .hasMessageContaining("aot-cache.rounds")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void optionsAreNamePairs() {
        assertThat(AotTrainer.options(new String[] {"--app", "a", "--rounds", "3"}))
                .containsEntry("app", "a")
                .containsEntry("rounds", "3");
        assertThatThrownBy(() -> AotTrainer.options(new String[] {"--app"})).hasMessageContaining("usage");
    }

    @Test
    void aDirectoryWithoutARunnerJarIsRefused() {
        assertThatThrownBy(() -> AotTrainer.main(new String[] {"--app", app.toString()}))
                .hasMessageContaining("quarkus-run.jar")
                .hasMessageContaining(app.toString());
    }

    @Test
    void skippingStillRecordsTheAppCdsArchiveAndWhy() throws Exception {
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        Files.writeString(app.resolve("app-cds.jsa"), "");
        AotTrainer.main(new String[] {"--app", app.toString(), "--skip", "true"});
        Properties p = metadata();
        assertThat(p.getProperty("appcds.file")).isEqualTo("app-cds.jsa");
        assertThat(p.getProperty("appcds.java.home")).isEqualTo(System.getProperty("java.home"));
        assertThat(p.getProperty("appcds.java.version")).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(p.getProperty("aot.skipped")).contains("aot-cache.skip");
        assertThat(p.getProperty("aot.file")).isNull();
    }

    @Test
    void withoutAnAppCdsArchiveNoAppCdsKeysAreWritten() throws Exception {
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        AotTrainer.main(new String[] {"--app", app.toString(), "--skip", "true"});
        assertThat(metadata().stringPropertyNames()).containsExactly("aot.skipped");
    }

    private Properties metadata() throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(app.resolve(JvmArchives.FILE))) {
            p.load(r);
        }
        return p;
    }
}
