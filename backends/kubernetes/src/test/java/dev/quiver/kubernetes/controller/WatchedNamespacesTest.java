package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** quiver.kubernetes.namespaces: the own namespace by default, a list, or all; anything else refused naming it. */
class WatchedNamespacesTest {
    @Test
    void unsetMeansTheOwnNamespaceOnly() {
        WatchedNamespaces w = WatchedNamespaces.parse(Optional.empty(), "quiver");
        assertThat(w).isEqualTo(new WatchedNamespaces(false, List.of("quiver")));
        assertThat(w.includes("quiver")).isTrue();
        assertThat(w.includes("team-a")).isFalse();
    }

    @Test
    void aListIsTrimmedSortedAndDeduplicated() {
        WatchedNamespaces w = WatchedNamespaces.parse(Optional.of(" team-b,quiver , team-b,team-a"), "quiver");
        assertThat(w.names()).containsExactly("quiver", "team-a", "team-b");
        assertThat(w.all()).isFalse();
        assertThat(w.includes("team-a")).isTrue();
        assertThat(w.includes("team-c")).isFalse();
    }

    @Test
    void aStarMeansEveryNamespace() {
        WatchedNamespaces w = WatchedNamespaces.parse(Optional.of("*"), "quiver");
        assertThat(w.all()).isTrue();
        assertThat(w.includes("anything")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"team-a,,team-b", "Team-A", "team_a", "*,team-a", "team-a,", "-a", "a.b"})
    void badValuesAreRefusedNamingTheKeyAndTheValue(String value) {
        assertThatThrownBy(() -> WatchedNamespaces.parse(Optional.of(value), "quiver"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quiver.kubernetes.namespaces must be '*' or a comma list of namespace names")
                .hasMessageContaining("but was '" + value + "'");
    }
}
