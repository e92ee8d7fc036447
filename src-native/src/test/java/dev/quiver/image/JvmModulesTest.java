package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JvmModulesTest {

    @Test
    void jdepsSummaryGivesTheJdkModulesOnly() {
        String summary = """
                micrometer-core.jar -> java.base
                micrometer-core.jar -> java.sql
                micrometer-core.jar -> jdk.management
                micrometer-core.jar -> not found
                micrometer-core.jar -> other.jar
                """;
        assertThat(JvmModules.parseSummary(summary)).containsExactly("java.base", "java.sql", "jdk.management");
    }

    @Test
    void theDefaultHasWhatAQuarkusHttpAppNeedsAndNoDesktop() {
        assertThat(JvmModules.DEFAULT)
                .contains(
                        "java.base",
                        "java.logging",
                        "java.management",
                        "java.naming",
                        "java.net.http",
                        "java.sql",
                        "jdk.unsupported",
                        "jdk.management")
                .doesNotContain("java.desktop");
    }

    @Test
    void anExplicitListIsTrimmedAndMustHoldJavaBase() {
        assertThat(JvmModules.parseList(" java.base, java.desktop ,")).containsExactly("java.base", "java.desktop");
        assertThatThrownBy(() -> JvmModules.parseList("java.logging")).hasMessageContaining("java.base");
        assertThatThrownBy(() -> JvmModules.parseList("java.base,java desktop"))
                .hasMessageContaining("'java desktop' is not a module name");
    }
}
