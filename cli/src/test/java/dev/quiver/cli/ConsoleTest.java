package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    @Test
    void tablesAlignTextLeftAndNumbersRight() {
        String t = Console.table(
                List.of(
                        new String[] {"STEP", "", "OBSERVED"},
                        new String[] {"1 from zero", "PASS", "answered in 41 ms"},
                        new String[] {"2 burst", "FAIL", "3/4 OK"}),
                "  ");

        assertThat(t).isEqualTo("""
                  STEP               OBSERVED
                  1 from zero  PASS  answered in 41 ms
                  2 burst      FAIL  3/4 OK
                """);
    }

    @Test
    void numbersAreRightAligned() {
        assertThat(Console.table(
                        List.of(new String[] {"READY", "X"}, new String[] {"12", "a"}, new String[] {"3", "b"}), ""))
                .isEqualTo("READY  X\n   12  a\n    3  b\n");
    }
}
