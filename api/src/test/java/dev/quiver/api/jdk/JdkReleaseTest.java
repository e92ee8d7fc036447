package dev.quiver.api.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JdkReleaseTest {

    static Stream<Arguments> releases() {
        return Stream.of(
                Arguments.of("quoted values (Temurin)", """
                        IMPLEMENTOR="Eclipse Adoptium"
                        JAVA_RUNTIME_VERSION="25.0.3+9-LTS"
                        JAVA_VERSION="25.0.3"
                        """, "25.0.3", "25.0.3+9-LTS", "Eclipse Adoptium", 25),
                Arguments.of("unquoted values", """
                        JAVA_VERSION=17.0.15
                        JAVA_RUNTIME_VERSION=17.0.15+6-Debian-1deb12u1
                        IMPLEMENTOR=Debian
                        """, "17.0.15", "17.0.15+6-Debian-1deb12u1", "Debian", 17),
                Arguments.of("no JAVA_RUNTIME_VERSION falls back to JAVA_VERSION", """
                        JAVA_VERSION="21.0.2"
                        """, "21.0.2", "21.0.2", "", 21),
                Arguments.of("runtime version wins whatever the key order", """
                        JAVA_RUNTIME_VERSION="21.0.2+13"
                        JAVA_VERSION="21.0.2"
                        """, "21.0.2", "21.0.2+13", "", 21),
                Arguments.of("empty JAVA_RUNTIME_VERSION falls back", """
                        JAVA_VERSION="17"
                        JAVA_RUNTIME_VERSION=""
                        """, "17", "17", "", 17),
                Arguments.of("no version at all", """
                        IMPLEMENTOR="Someone"
                        """, "", "", "Someone", 0),
                Arguments.of(
                        "blanks around a quoted value", "JAVA_VERSION = \" 11.0.1 \"  \n", "11.0.1", "11.0.1", "", 11),
                Arguments.of("Java 8 numbering", "JAVA_VERSION=\"1.8.0_402\"\n", "1.8.0_402", "1.8.0_402", "", 8),
                Arguments.of("empty file", "", "", "", "", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void releaseFilesAreRead(
            String label, String text, String version, String runtime, String implementor, int feature) {
        JdkRelease r = JdkRelease.parse(text);
        assertThat(r.version()).isEqualTo(version);
        assertThat(r.runtimeVersion()).isEqualTo(runtime);
        assertThat(r.implementor()).isEqualTo(implementor);
        assertThat(r.feature()).isEqualTo(feature);
        assertThat(r.build()).isEqualTo(runtime.contains("+") ? runtime.substring(runtime.indexOf('+') + 1) : "");
    }

    @ParameterizedTest(name = "{0} has build ''{1}''")
    @CsvSource({"17.0.15+6-Debian-1deb12u1, 6-Debian-1deb12u1", "25.0.1+8-LTS, 8-LTS", "21.0.2, ''"})
    void theBuildFollowsThePlus(String runtime, String build) {
        assertThat(JdkRelease.parse("JAVA_RUNTIME_VERSION=" + runtime).build()).isEqualTo(build);
    }

    @ParameterizedTest(name = "{0} is feature release {1}")
    @CsvSource({
        "25.0.3, 25",
        "17.0.15, 17",
        "17, 17",
        "1.8.0_402, 8",
        "26-ea, 26",
        "25.0.1+8-LTS, 25",
        "'', 0",
        "ea, 0",
        "123456, 0"
    })
    void featureReleaseIsReadFromTheVersion(String version, int feature) {
        assertThat(JdkRelease.feature(version)).isEqualTo(feature);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'JAVA_VERSION=\"17\"', Java 17", "'IMPLEMENTOR=x', Java (unknown version)"})
    void describeShowsTheRuntimeVersion(String text, String shown) {
        assertThat(JdkRelease.parse(text).describe()).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void aMalformedFileIsRejectedWithTheReason() {
        assertThatThrownBy(() -> JdkRelease.parse("JAVA_VERSION=\\u12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JDK release file");
    }
}
