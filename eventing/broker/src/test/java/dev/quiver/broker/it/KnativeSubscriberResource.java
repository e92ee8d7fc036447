package dev.quiver.broker.it;

import dev.quiver.broker.TestSubscriber;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP subscriber standing in for the Services Knative's example documents name: the broker's function URL
 * template points at it, so {@code ref: {kind: Service, name: my-service}} is {@code <subscriber>/my-service}.
 */
public class KnativeSubscriberResource implements QuarkusTestResourceLifecycleManager {

    static TestSubscriber subscriber;

    @Override
    public Map<String, String> start() {
        try {
            subscriber = new TestSubscriber();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quiver.broker.function-url-template", subscriber.url("/{name}"));
    }

    @Override
    public void stop() {
        try {
            subscriber.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
