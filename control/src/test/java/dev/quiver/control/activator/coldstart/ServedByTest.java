package dev.quiver.control.activator.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServedByTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a warm-pool instance ready long before the request (promoted for it), 1000, 200, WARM",
        "a running instance whose slot freed, 1000, 999, WARM",
        "a new process that became ready after the request arrived, 1000, 1500, COLD",
        "readiness unknown (no instance timing): not claimed cold, 1000, -1, WARM"
    })
    void aRequestWasServedColdOnlyWhenItsInstanceBecameReadyAfterItArrived(
            String label, long arrived, long ready, ServedBy expected) {
        assertThat(ServedBy.of(arrived, ready)).isEqualTo(expected);
    }
}
