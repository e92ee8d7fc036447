package dev.quiver.local.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortBookTest {

    static Stream<Arguments> picks() {
        IntPredicate all = p -> true;
        return Stream.of(
                Arguments.of("the first port of an empty range", 100, 105, List.of(), all, 100),
                Arguments.of("skips ports other functions have", 100, 105, List.of(100, 101), all, 102),
                Arguments.of(
                        "skips ports something else listens on", 100, 105, List.of(), (IntPredicate) p -> p > 103, 104),
                Arguments.of("none left", 100, 101, List.of(100), (IntPredicate) p -> p != 101, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("picks")
    void picksTheLowestFreePort(
            String label, int first, int last, List<Integer> taken, IntPredicate free, Integer expected) {
        assertThat(PortBook.pick(first, last, taken, free)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aFunctionKeepsItsPortAcrossRestartsAndGivesItBackWhenDeleted(@TempDir Path dir) {
        Path file = dir.resolve("direct-ports.properties");
        PortBook book = new PortBook(file, 19100, 19199, p -> true);
        assertThat(book.port("hello")).isEqualTo(19100);
        assertThat(book.port("orders")).isEqualTo(19101);

        PortBook restarted = new PortBook(file, 19100, 19199, p -> true);
        assertThat(restarted.known("orders")).contains(19101);
        assertThat(restarted.port("hello")).isEqualTo(19100);

        restarted.release("hello");
        assertThat(new PortBook(file, 19100, 19199, p -> true).known("hello")).isEmpty();
        assertThat(restarted.port("thumbnail")).isEqualTo(19100);
    }

    @Test
    void aFullRangeNamesTheKeys(@TempDir Path dir) {
        PortBook book = new PortBook(dir.resolve("p"), 19100, 19100, p -> true);
        book.port("a");
        assertThatThrownBy(() -> book.port("b"))
                .hasMessageContaining("19100..19100")
                .hasMessageContaining("quiver.platform.direct.first-port");
    }
}
