package dev.quiver.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderValidationTest {

    static Order.Line line(String sku, int qty, long cents) {
        return new Order.Line(sku, qty, cents);
    }

    static Stream<Arguments> orders() {
        List<Order.Line> many = new ArrayList<>(Collections.nCopies(101, line("a", 1, 1)));
        return Stream.of(
                Arguments.of("valid", new Order("o1", "c1", List.of(line("a", 2, 150), line("b", 1, 0))), List.of()),
                Arguments.of("missing order", null, List.of("order is missing")),
                Arguments.of(
                        "no id, no customer",
                        new Order(" ", null, List.of(line("a", 1, 1))),
                        List.of("id must not be empty", "customer must not be empty")),
                Arguments.of("no lines", new Order("o", "c", List.of()), List.of("lines must not be empty")),
                Arguments.of("null lines", new Order("o", "c", null), List.of("lines must not be empty")),
                Arguments.of(
                        "zero quantity",
                        new Order("o", "c", List.of(line("a", 0, 1))),
                        List.of("lines[0].quantity must be 1..10000, but was 0")),
                Arguments.of(
                        "negative price and no sku",
                        new Order("o", "c", List.of(line("a", 1, 1), line("", 1, -5))),
                        List.of(
                                "lines[1].sku must not be empty",
                                "lines[1].unitPriceCents must be 0..100000000, but was -5")),
                Arguments.of("too many lines", new Order("o", "c", many), List.of("at most 100 lines, but was 101")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void namesEveryProblem(String label, Order order, List<String> problems) {
        assertThat(OrderValidation.problems(order)).containsExactlyElementsOf(problems);
    }
}
