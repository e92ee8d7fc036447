package dev.quiver.examples.orders;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Totals over the orders seen so far: count and sum overall and per customer, in cents. Kafka delivers at least
 * once, so an order id seen before is not counted again (the result is the same as the first time).
 */
public final class RunningTotals {

    /** The totals after one order. */
    public record Result(
            String orderId,
            String customer,
            long orderCents,
            long customerCents,
            long customerOrders,
            long allOrders,
            long allCents,
            boolean duplicate) {}

    private final Map<String, long[]> byCustomer = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long orders;
    private long cents;

    public synchronized Result add(Order order) {
        long total = order.totalCents();
        long[] customer = byCustomer.computeIfAbsent(order.customer(), c -> new long[2]);
        boolean duplicate = !seen.add(order.id());
        if (!duplicate) {
            customer[0]++;
            customer[1] += total;
            orders++;
            cents += total;
        }
        return new Result(order.id(), order.customer(), total, customer[1], customer[0], orders, cents, duplicate);
    }

    public synchronized long orders() {
        return orders;
    }

    public synchronized long cents() {
        return cents;
    }

    public synchronized Map<String, Long> centsByCustomer() {
        Map<String, Long> copy = new HashMap<>();
        byCustomer.forEach((c, v) -> copy.put(c, v[1]));
        return copy;
    }
}
