package dev.quiver.local.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveLogTest {
    static Stream<Arguments> logs() {
        return Stream.of(
                Arguments.of(
                        "JDK 17 refusing a dynamic archive",
                        List.of(
                                "# java -jar x",
                                "[0.036s][warning][cds,dynamic] Unable to use shared archive. The top archive failed to load:"
                                        + " /a/app-cds.jsa",
                                "INFO started"),
                        "[cds] Unable to use shared archive. The top archive failed to load: /a/app-cds.jsa"),
                Arguments.of(
                        "JDK 25 given a JDK 17 archive: the first warning and the first error",
                        List.of(
                                "[0.002s][warning][cds] Cannot handle shared archive file version 0xb. Must be at least 0xd.",
                                "[0.002s][error  ][cds] Not a valid shared archive file (/a/app-cds.jsa)"),
                        "[cds] Cannot handle shared archive file version 0xb. Must be at least 0xd. / [cds] Not a"
                                + " valid shared archive file (/a/app-cds.jsa)"),
                Arguments.of(
                        "a broken AOT cache, error lines only",
                        List.of(
                                "[0.016s][error][aot] An error has occurred while processing the AOT cache.",
                                "[0.016s][error][aot] Unable to map shared spaces"),
                        "[aot] An error has occurred while processing the AOT cache."),
                Arguments.of(
                        "a clean start says nothing",
                        List.of(
                                "# java -XX:SharedArchiveFile=/a/app-cds.jsa -jar x",
                                "2026-11-23 INFO [io.quarkus] hello started in 0.4s"),
                        null),
                Arguments.of(
                        "other tags' warnings are not about the archive",
                        List.of("[0.1s][warning][gc] something"),
                        null),
                Arguments.of(
                        "an info line of the cds tag is not a complaint",
                        List.of("[0.1s][info][cds] Opened archive app-cds.jsa"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void findsTheJvmsComplaintAboutItsArchive(String label, List<String> lines, String expected) {
        assertThat(ArchiveLog.rejection(lines).orElse(null)).isEqualTo(expected);
    }
}
