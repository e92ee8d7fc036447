package dev.quiver.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecStoreTest {
    @TempDir
    Path home;

    @TempDir
    Path data;

    FunctionReader reader;
    SpecStore store;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(home.resolve("app.jar"), "jar");
        reader = new FunctionReader(home);
        store = SpecStore.inDataDir(data);
    }

    @Test
    void aSavedSpecIsRestoredAsDeployed() throws Exception {
        String doc = "name: orders\nartifact: app.jar\n";
        store.save("orders", doc);

        SpecStore.Restored r = SpecStore.inDataDir(data).restore(reader);

        assertThat(r.skipped()).isEmpty();
        assertThat(r.functions()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("orders");
            assertThat(f.source()).isEqualTo(doc);
        });
        assertThat(Files.readString(data.resolve("functions/orders.yaml"))).isEqualTo(doc);
    }

    @Test
    void anUpdateReplacesTheSpecAndLeavesNoTemporaryFile() throws Exception {
        store.save("orders", "name: orders\nartifact: app.jar\n");
        store.save("orders", "name: orders\nartifact: app.jar\nenv: {REGION: eu}\n");

        assertThat(store.restore(reader).functions())
                .singleElement()
                .satisfies(f -> assertThat(f.env()).containsEntry("REGION", "eu"));
        try (Stream<Path> s = Files.list(data.resolve("functions"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("orders.yaml");
        }
    }

    @Test
    void aRemovedSpecIsNotRestored() {
        store.save("orders", "name: orders\nartifact: app.jar\n");
        store.save("hello", "name: hello\nartifact: app.jar\n");

        store.remove("orders");
        store.remove("never-deployed");

        assertThat(store.restore(reader).functions())
                .extracting(FunctionDefinition::name)
                .containsExactly("hello");
    }

    @Test
    void aSpecThatNoLongerValidatesIsSkippedWithItsErrorAndTheOthersRestored() throws Exception {
        store.save("orders", "name: orders\nartifact: app.jar\n");
        store.save("gone", "name: gone\nartifact: missing.jar\n");

        SpecStore.Restored r = store.restore(reader);

        assertThat(r.functions()).extracting(FunctionDefinition::name).containsExactly("orders");
        assertThat(r.skipped()).singleElement().asString().contains("gone.yaml").contains("artifact");
    }

    @Test
    void nothingStoredRestoresNothing() {
        assertThat(store.restore(reader).functions()).isEmpty();
    }
}
