package dev.quiver.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.kubernetes.resource.FunctionRevision;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionHistoryTest {
    static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    @Test
    void aNewTemplateIsANewRevisionAndTheSameTemplateIsNot() {
        List<FunctionRevision> one = RevisionHistory.next(null, "f", "t1", "img:1", NOW, 5);
        assertThat(RevisionHistory.next(one, "f", "t1", "img:1", NOW.plusSeconds(1), 5))
                .isEqualTo(one);
        List<FunctionRevision> two = RevisionHistory.next(one, "f", "t2", "img:2", NOW.plusSeconds(2), 5);
        assertThat(two).extracting(FunctionRevision::getName).containsExactly("f-00001", "f-00002");
    }

    @Test
    void onlyTheNewestAreKeptAndNumbersGoOn() {
        List<FunctionRevision> h = null;
        for (int i = 1; i <= 4; i++) {
            h = RevisionHistory.next(h, "f", "t" + i, "img", NOW, 2);
        }
        assertThat(h).extracting(FunctionRevision::getName).containsExactly("f-00003", "f-00004");
    }

    @Test
    void trafficToAnOlderRevisionIsAppliedAsLocally() {
        List<FunctionRevision> h =
                RevisionHistory.next(RevisionHistory.next(null, "f", "t1", "img", NOW, 5), "f", "t2", "img", NOW, 5);
        assertThat(RevisionHistory.applied(List.of(FunctionTraffic.of("f-00001", 100, null)), h))
                .extracting(FunctionTraffic::getRevisionName, FunctionTraffic::getPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f-00001", 100));
        assertThatThrownBy(() -> RevisionHistory.applied(List.of(FunctionTraffic.of("f-00009", 100, null)), h))
                .hasMessageContaining("spec.traffic[0].revisionName");
        assertThat(RevisionHistory.applied(null, h))
                .extracting(FunctionTraffic::getRevisionName)
                .containsExactly("f-00002");
    }

    @Test
    void aServingRevisionIsKeptWhateverItsAge() {
        List<FunctionRevision> h = null;
        for (int i = 1; i <= 4; i++) {
            h = RevisionHistory.next(h, "f", "t" + i, "img", NOW, 2, java.util.Set.of("f-00001"));
        }
        assertThat(h).extracting(FunctionRevision::getName).containsExactly("f-00001", "f-00004");
    }
}
