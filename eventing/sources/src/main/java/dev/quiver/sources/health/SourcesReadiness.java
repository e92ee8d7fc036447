package dev.quiver.sources.health;

import dev.quiver.sources.publish.Publisher;
import dev.quiver.sources.store.ObjectStore;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the S3 API listens; reports the publish counters alongside. */
@Readiness
@Singleton
public class SourcesReadiness implements HealthCheck {

    private final ObjectStore store;
    private final Publisher publisher;

    SourcesReadiness(ObjectStore store, Publisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("quiver-sources")
                .status(store.started())
                .withData("s3Port", store.port())
                .withData("eventsPending", publisher.pending())
                .withData("eventsRejected", publisher.rejected())
                .build();
    }
}
