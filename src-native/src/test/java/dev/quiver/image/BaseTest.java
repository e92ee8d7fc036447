package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseTest {

    @Test
    void jlinkMeansFromScratch() {
        assertThat(Base.parse("jlink")).isEqualTo(new Base(Base.Kind.JLINK, null));
        assertThat(Base.parse("jlink").fromScratch()).isTrue();
    }

    @Test
    void registryAndTarReferencesGoToJibAsWritten() {
        assertThat(Base.parse("registry://eclipse-temurin:21-jre"))
                .isEqualTo(new Base(Base.Kind.REGISTRY, "registry://eclipse-temurin:21-jre"));
        assertThat(Base.parse("tar://base.tar")).isEqualTo(new Base(Base.Kind.TAR, "tar://base.tar"));
        assertThat(Base.parse("registry://eclipse-temurin:21-jre").fromScratch())
                .isFalse();
    }

    @Test
    void dockerDaemonBaseIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Base.parse("docker://openjdk:21"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("daemon")
                .hasMessageContaining("registry://");
    }

    @Test
    void anUnknownBaseNamesTheChoices() {
        assertThatThrownBy(() -> Base.parse("eclipse-temurin:21"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eclipse-temurin:21'")
                .hasMessageContaining(Base.USAGE);
        assertThatThrownBy(() -> Base.parse("registry://")).isInstanceOf(IllegalArgumentException.class);
    }
}
