package dev.quiver.control.activator;

import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.LocalRouter;

/** The contract against the bare activator fed by published endpoints, with no backend around it. */
class PublishedEndpointsActivatorTest extends ActivatorContract {

    @Override
    protected Backend start(ActivatorSettings settings) throws Exception {
        return PublishedBackend.start(
                vertx,
                (endpoints, poker, meters) -> new Activator(
                        settings,
                        new LocalRouter("localhost"),
                        endpoints,
                        poker,
                        meters,
                        new ColdStartRecorder(new ColdStartMeters(meters))));
    }
}
