package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedLibrariesTest {

    static final String LDD_JAVA = """
            \tlinux-vdso.so.1 (0x00007ffd5b9f2000)
            \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f0b1c0a0000)
            \tlibjli.so => /opt/jre/bin/../lib/libjli.so (0x00007f0b1c08f000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0b1beae000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f0b1c0c9000)
            """;

    @Test
    void lddLinesGiveEachLibraryWithThePathTheLoaderFoundAndSkipTheVdso() {
        assertThat(SharedLibraries.parseLdd(LDD_JAVA))
                .containsExactly(
                        new SharedLibraries.Needed("libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1"),
                        new SharedLibraries.Needed("libjli.so", "/opt/jre/bin/../lib/libjli.so"),
                        new SharedLibraries.Needed("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"),
                        new SharedLibraries.Needed("/lib64/ld-linux-x86-64.so.2", "/lib64/ld-linux-x86-64.so.2"));
    }

    @Test
    void aLibraryLddDidNotFindHasNoPath() {
        assertThat(SharedLibraries.parseLdd("\tlibjvm.so => not found\n"))
                .containsExactly(new SharedLibraries.Needed("libjvm.so", null));
    }

    @Test
    void staticallyLinkedFilesNeedNothing() {
        assertThat(SharedLibraries.parseLdd("\tstatically linked\n")).isEmpty();
    }

    @Test
    void elfFilesAreRecognisedByTheirMagic(@TempDir Path dir) throws Exception {
        Path elf = Files.write(dir.resolve("a.so"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
        Path text = Files.writeString(dir.resolve("b.so"), "not elf");
        assertThat(List.of(elf, text)).filteredOn(SharedLibraries::isElf).containsExactly(elf);
    }
}
