package dev.quiver.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunningTotalsTest {

    static Order order(String id, String customer, int qty, long cents) {
        return new Order(id, customer, List.of(new Order.Line("sku", qty, cents)));
    }

    @Test
    void sumsPerCustomerAndOverallInCents() {
        RunningTotals totals = new RunningTotals();
        totals.add(order("1", "ada", 2, 250));
        totals.add(order("2", "bob", 1, 999));
        RunningTotals.Result third = totals.add(order("3", "ada", 3, 100));

        assertThat(third.orderCents()).isEqualTo(300);
        assertThat(third.customerCents()).isEqualTo(800);
        assertThat(third.customerOrders()).isEqualTo(2);
        assertThat(third.allOrders()).isEqualTo(3);
        assertThat(totals.cents()).isEqualTo(1799);
        assertThat(totals.centsByCustomer()).containsEntry("ada", 800L).containsEntry("bob", 999L);
    }

    @Test
    void aRedeliveredOrderIsNotCountedTwice() {
        RunningTotals totals = new RunningTotals();
        totals.add(order("1", "ada", 1, 100));
        RunningTotals.Result again = totals.add(order("1", "ada", 1, 100));

        assertThat(again.duplicate()).isTrue();
        assertThat(totals.orders()).isEqualTo(1);
        assertThat(totals.cents()).isEqualTo(100);
    }
}
