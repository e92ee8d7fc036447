package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a pod became ready: its Ready condition's lastTransitionTime while Ready is True, else unknown. */
class PodReadinessTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ready                | [{type: Ready, status: 'True', lastTransitionTime: '2026-01-01T10:00:00Z'}] | 2026-01-01T10:00:00Z",
                "ready, fractional    | [{type: Ready, status: 'True', lastTransitionTime: '2026-01-01T10:00:00.250Z'}] | 2026-01-01T10:00:00.250Z",
                "other conditions too | [{type: PodScheduled, status: 'True', lastTransitionTime: '2020-01-01T00:00:00Z'}, {type: Ready, status: 'True', lastTransitionTime: '2026-01-01T10:00:00Z'}] | 2026-01-01T10:00:00Z",
                "not ready            | [{type: Ready, status: 'False', lastTransitionTime: '2026-01-01T10:00:00Z'}] | ''",
                "no transition time   | [{type: Ready, status: 'True'}] | ''",
                "unreadable time      | [{type: Ready, status: 'True', lastTransitionTime: 'yesterday'}] | ''",
                "no Ready condition   | [{type: PodScheduled, status: 'True', lastTransitionTime: '2026-01-01T10:00:00Z'}] | ''",
                "no conditions        | [] | ''"
            })
    void readySince(String name, String conditions, String expected) {
        Pod p = Serialization.unmarshal(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nstatus:\n  conditions: " + conditions + "\n",
                Pod.class);
        assertThat(PodReadiness.readySince(p)).isEqualTo(expected.isEmpty() ? null : Instant.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void aPodWithoutStatusHasNoReadinessTime() {
        assertThat(PodReadiness.readySince(new Pod())).isNull();
        assertThat(PodReadiness.readySince(null)).isNull();
    }
}
