package dev.quiver.control.activator.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.control.ColdStart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartRecorderTest {
    static final long MS = 1_000_000;
    final List<String> heard = new ArrayList<>();
    final ColdStartRecorder recorder = new ColdStartRecorder(new ColdStartRecorder.Listener() {
        @Override
        public void request(String function, ServedBy by, long waitNanos, long servedNanos) {
            heard.add(function + " " + by.key() + " " + waitNanos / MS + "+" + servedNanos / MS);
        }

        @Override
        public void startup(String function, String launch, String role, String measuredBy, long nanos) {
            heard.add(function + " " + launch + "/" + role + "/" + measuredBy + " " + nanos / MS);
        }

        @Override
        public void removed(String function) {
            heard.add(function + " removed");
        }
    });

    @Test
    void requestsAreSplitByWhoServedThemWithWaitServedAndFirstByte() {
        recorder.request("hello", ServedBy.COLD, 790 * MS, 22 * MS);
        recorder.request("hello", ServedBy.WARM, 29 * MS, 2 * MS);
        recorder.request("hello", ServedBy.WARM, 31 * MS, 4 * MS);

        ColdStart s = recorder.snapshot("hello");

        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.cold().count()).isEqualTo(1);
        assertThat(s.cold().waiting().p50Ms()).isEqualTo(790);
        assertThat(s.cold().served().p50Ms()).isEqualTo(22);
        assertThat(s.cold().firstByte().p50Ms()).isEqualTo(812);
        assertThat(s.warm().count()).isEqualTo(2);
        assertThat(s.warm().firstByte().maxMs()).isEqualTo(35);
        assertThat(heard).containsExactly("hello cold 790+22", "hello warm 29+2", "hello warm 31+4");
    }

    @Test
    void functionsAreKeptApartAndAnUnknownOneHasNothing() {
        recorder.request("a", ServedBy.COLD, MS, MS);

        assertThat(recorder.snapshot("b").requests()).isZero();
        assertThat(recorder.snapshot("b").startups()).isEmpty();
        assertThat(recorder.snapshot("a").requests()).isEqualTo(1);
    }

    @Test
    void startUpsAreGroupedByLaunchModeRoleAndWhoMeasured() {
        recorder.startup("hello", "jdk25-aot", "pool", "platform", 300 * MS);
        recorder.startup("hello", "jdk25-aot", "pool", "platform", 500 * MS);
        recorder.startup("hello", "jdk25-aot", "active", "platform", 200 * MS);
        recorder.startup("hello", "jdk25-aot", "active", "instance", 150 * MS);

        assertThat(recorder.snapshot("hello").startups())
                .extracting(u -> u.launch() + "/" + u.role() + "/" + u.measuredBy() + " n="
                        + u.figures().count() + " max=" + u.figures().maxMs())
                .containsExactly(
                        "jdk25-aot/active/instance n=1 max=150.0",
                        "jdk25-aot/active/platform n=1 max=200.0",
                        "jdk25-aot/pool/platform n=2 max=500.0");
    }

    @Test
    void negativeDurationsFromClockSkewCountAsZero() {
        recorder.request("hello", ServedBy.WARM, -5, 3 * MS);

        assertThat(recorder.snapshot("hello").warm().waiting().maxMs()).isZero();
    }

    @Test
    void removingAFunctionDropsItsFiguresAndTellsTheListener() {
        recorder.request("hello", ServedBy.COLD, MS, MS);

        recorder.remove("hello");

        assertThat(recorder.snapshot("hello").requests()).isZero();
        assertThat(heard).last().isEqualTo("hello removed");
    }
}
