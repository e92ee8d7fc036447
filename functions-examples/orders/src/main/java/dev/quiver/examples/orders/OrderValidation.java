package dev.quiver.examples.orders;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with an order, field by field; an empty list means it is valid. */
public final class OrderValidation {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;
    static final long MAX_UNIT_PRICE_CENTS = 100_000_000L;

    private OrderValidation() {}

    public static List<String> problems(Order order) {
        List<String> problems = new ArrayList<>();
        if (order == null) {
            return List.of("order is missing");
        }
        if (blank(order.id())) {
            problems.add("id must not be empty");
        }
        if (blank(order.customer())) {
            problems.add("customer must not be empty");
        }
        if (order.lines() == null || order.lines().isEmpty()) {
            problems.add("lines must not be empty");
            return problems;
        }
        if (order.lines().size() > MAX_LINES) {
            problems.add(
                    "at most " + MAX_LINES + " lines, but was " + order.lines().size());
        }
        for (int i = 0; i < order.lines().size(); i++) {
            Order.Line line = order.lines().get(i);
            if (line == null) {
                problems.add("lines[" + i + "] is missing");
                continue;
            }
            if (blank(line.sku())) {
                problems.add("lines[" + i + "].sku must not be empty");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add("lines[" + i + "].quantity must be 1.." + MAX_QUANTITY + ", but was " + line.quantity());
            }
            if (line.unitPriceCents() < 0 || line.unitPriceCents() > MAX_UNIT_PRICE_CENTS) {
                problems.add("lines[" + i + "].unitPriceCents must be 0.." + MAX_UNIT_PRICE_CENTS + ", but was "
                        + line.unitPriceCents());
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
