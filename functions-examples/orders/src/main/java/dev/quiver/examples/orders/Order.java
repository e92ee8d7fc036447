package dev.quiver.examples.orders;

import java.util.List;

/**
 * An order as it arrives on the topic.
 *
 * @param lines items ordered; prices in cents so totals stay exact
 */
public record Order(String id, String customer, List<Line> lines) {

    public record Line(String sku, int quantity, long unitPriceCents) {}

    /** Sum of quantity x unit price, in cents. */
    public long totalCents() {
        long total = 0;
        for (Line line : lines) {
            total = Math.addExact(total, Math.multiplyExact(line.quantity(), line.unitPriceCents()));
        }
        return total;
    }
}
