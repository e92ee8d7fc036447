package dev.quiver.local.registry.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionStoreTest {
    static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    @TempDir
    Path tmp;

    Path app;
    RevisionStore store;

    @BeforeEach
    void build() throws Exception {
        app = tmp.resolve("build/quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Files.writeString(app.resolve("lib/main/dep.jar"), "a dependency");
        Files.writeString(app.resolve("lib/main/app.jar"), "code v1");
        store = RevisionStore.inDataDir(tmp.resolve("data"));
    }

    @Test
    void theCodeIsIdentifiedByTheAppDirectorysContentNotItsPath() throws Exception {
        String d1 = ContentDigest.of(app.resolve("quarkus-run.jar"));
        Path elsewhere = tmp.resolve("other/app-copy");
        Files.createDirectories(elsewhere.resolve("lib/main"));
        for (String f : new String[] {"quarkus-run.jar", "lib/main/dep.jar", "lib/main/app.jar"}) {
            Files.copy(app.resolve(f), elsewhere.resolve(f));
        }
        assertThat(ContentDigest.of(elsewhere.resolve("quarkus-run.jar"))).isEqualTo(d1);

        Files.writeString(app.resolve("lib/main/app.jar"), "code v2");
        assertThat(ContentDigest.of(app.resolve("quarkus-run.jar")))
                .isNotEqualTo(d1)
                .startsWith("sha256:");
    }

    @Test
    void aRevisionKeepsItsOwnCopyWhichARebuildInPlaceCannotChange() throws Exception {
        Revision r1 = store.create("f", app.resolve("quarkus-run.jar"), "sha256:1", "c", "name: f\n", NOW);
        Files.writeString(app.resolve("lib/main/app.jar"), "code v2");
        Revision r2 = store.create("f", app.resolve("quarkus-run.jar"), "sha256:2", "c", "name: f\n", NOW);

        Path copy1 = store.artifact(r1).getParent();
        Path copy2 = store.artifact(r2).getParent();
        assertThat(Files.readString(copy1.resolve("lib/main/app.jar"))).isEqualTo("code v1");
        assertThat(Files.readString(copy2.resolve("lib/main/app.jar"))).isEqualTo("code v2");
        assertThat(Files.isSameFile(copy1.resolve("lib/main/dep.jar"), copy2.resolve("lib/main/dep.jar")))
                .as("an unchanged file is hard-linked to the previous revision's copy")
                .isTrue();
        assertThat(Files.isSameFile(copy2.resolve("lib/main/app.jar"), app.resolve("lib/main/app.jar")))
                .as("never linked to the build's own file")
                .isFalse();
    }

    @Test
    void revisionsAreNumberedAndFoundAgainByANewStore() {
        store.create("f", app.resolve("quarkus-run.jar"), "sha256:1", "c", "name: f\n", NOW);
        store.create("f", app.resolve("quarkus-run.jar"), "sha256:2", "c", "name: f\n", NOW.plusSeconds(5));
        store.create("f-other", app.resolve("quarkus-run.jar"), "sha256:3", "c", "name: f-other\n", NOW);

        RevisionStore again = RevisionStore.inDataDir(tmp.resolve("data"));
        assertThat(again.revisions("f"))
                .extracting(Revision::name, Revision::digest, Revision::created)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f-00001", "sha256:1", NOW),
                        org.assertj.core.groups.Tuple.tuple("f-00002", "sha256:2", NOW.plusSeconds(5)));
    }
}
