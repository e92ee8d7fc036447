package dev.quiver.runtime.kafka;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /quiver/triggers}: the app's Kafka trigger (topic, consumer group, dead-letter topic, bootstrap
 * servers) for the scaler, which reads the group's lag from Kafka; an empty list when the app has none.
 */
@Singleton
public class TriggerRoutes {

    public static final String PATH = "/quiver/triggers";

    /**
     * The settings are resolved on the first request of a trigger that runs, so that an app without a Kafka trigger
     * does not build them at start-up.
     */
    void install(@Observes Router router, Instance<KafkaTriggerSettings> settings, KafkaTriggerStats stats) {
        router.get(PATH)
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end((stats.active() ? describe(settings.get(), stats) : NONE).encode()));
    }

    private static final JsonObject NONE = new JsonObject().put("kafka", new JsonArray());

    static JsonObject describe(KafkaTriggerSettings settings, KafkaTriggerStats stats) {
        JsonArray kafka = new JsonArray();
        if (settings.enabled() && stats.active()) {
            kafka.add(new JsonObject()
                    .put("topic", settings.topic())
                    .put("group", settings.group())
                    .put(
                            "function",
                            ConfigProvider.getConfig()
                                    .getOptionalValue("quarkus.funqy.export", String.class)
                                    .orElse(null))
                    .put("deadLetterTopic", settings.deadLetterTopic())
                    .put(
                            "bootstrapServers",
                            ConfigProvider.getConfig()
                                    .getOptionalValue("kafka.bootstrap.servers", String.class)
                                    .orElse("localhost:9092"))
                    .put("processed", stats.processed())
                    .put("retried", stats.retried())
                    .put("deadLettered", stats.deadLettered())
                    .put("pending", stats.pending()));
        }
        return new JsonObject().put("kafka", kafka);
    }
}
