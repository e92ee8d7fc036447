package dev.quiver.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
    private static final StepResult PASSED = new StepResult("1 from zero", "served warm", "answered in 40 ms", true);
    private static final StepResult FAILED = new StepResult("2 burst", "scales out", "ready up to 1", false);

    @Test
    void passesOnlyWhenThereAreStepsAndAllPassed() {
        assertThat(DemoSummary.passed(List.of(PASSED))).isTrue();
        assertThat(DemoSummary.passed(List.of(PASSED, FAILED))).isFalse();
        assertThat(DemoSummary.passed(List.of())).isFalse();
    }

    @Test
    void theTableHasAVerdictPerStep() {
        assertThat(DemoSummary.table(List.of(PASSED, FAILED))).isEqualTo("""
                    STEP               OBSERVED
                    1 from zero  PASS  answered in 40 ms
                    2 burst      FAIL  ready up to 1
                """);
    }

    @Test
    void theColdStartLinesAreTakenFromTheStatusTable() {
        assertThat(DemoSummary.coldStarts("FUNCTION READY\nhello 0\n\nCold starts (...)\nhello  requests: -\n"))
                .isEqualTo("    Cold starts (...)\n    hello  requests: -\n");
    }

    @Test
    void theOrdersAreTheDemosBacklog() {
        assertThat(ProduceOrders.customer(21)).isEqualTo("customer-1");
        assertThat(ProduceOrders.order(8))
                .contains(
                        "\"customer\":\"customer-8\"",
                        "\"lines\":[{\"sku\":\"sku-1\",\"quantity\":3,\"unitPriceCents\":108}]");
    }
}
