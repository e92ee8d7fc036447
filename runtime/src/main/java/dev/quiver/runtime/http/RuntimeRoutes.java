package dev.quiver.runtime.http;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.runtime.serve.DirectListener;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Puts the runtime in front of Funqy: admission first, JSON errors, and the stats endpoint. */
@Singleton
@RegisterForReflection(targets = StatsReport.class)
public class RuntimeRoutes {

    /** Before Quarkus's body handler (RouteConstants.ROUTE_ORDER_BODY_HANDLER): admission happens at the headers. */
    static final int ADMISSION_ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router, InstanceTraffic traffic, Vertx vertx, DirectListener direct) {
        router.route().order(ADMISSION_ORDER).handler(new AdmissionFilter(traffic, direct::arrivedDirect));
        router.route().order(ADMISSION_ORDER).failureHandler(new ErrorResponder(traffic));
        router.get(traffic.settings().statsPath())
                .order(ADMISSION_ORDER)
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(JsonObject.mapFrom(traffic.stats()).encode()));
        vertx.setPeriodic(InstanceTraffic.HISTORY_TICK_MILLIS, id -> traffic.tick());
    }
}
