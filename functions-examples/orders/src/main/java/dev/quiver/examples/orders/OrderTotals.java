package dev.quiver.examples.orders;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** The instance's running totals, also readable at {@code GET /orders/totals}. */
@Singleton
public class OrderTotals {

    private final RunningTotals totals = new RunningTotals();

    public RunningTotals.Result add(Order order) {
        return totals.add(order);
    }

    public RunningTotals totals() {
        return totals;
    }

    void routes(@Observes Router router) {
        router.get("/orders/totals")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("orders", totals.orders())
                                .put("cents", totals.cents())
                                .put("byCustomer", new JsonObject(new java.util.HashMap<>(totals.centsByCustomer())))
                                .encode()));
    }
}
