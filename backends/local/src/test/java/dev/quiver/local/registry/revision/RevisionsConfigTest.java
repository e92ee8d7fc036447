package dev.quiver.local.registry.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevisionsConfigTest {
    @Test
    void keepingFewerThanOneRevisionIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> RevisionsConfig.keep(() -> 0))
                .hasMessage("quiver.revisions.keep: must be at least 1, was 0");
        assertThat(RevisionsConfig.keep(() -> 3)).isEqualTo(3);
    }
}
