package dev.quiver.local.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JvmBuildTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "17.0.15+6-Debian-1deb12u1, 17, jdk17",
        "25.0.1+8-LTS, 25, jdk25",
        "25+36, 25, jdk25",
        "1.8.0_402-b06, 8, jdk8",
        "'', 0, jvm",
        "weird, 0, jvm"
    })
    void theFeatureReleaseAndLabelComeFromTheRuntimeVersion(String version, int feature, String label) {
        JvmBuild j = new JvmBuild("java", null, version);

        assertThat(j.feature()).isEqualTo(feature);
        assertThat(j.label()).isEqualTo(label);
    }
}
