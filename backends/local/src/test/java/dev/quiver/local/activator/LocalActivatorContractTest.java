package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorContract;
import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.PublishedBackend;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;

/**
 * The activator contract on the local backend: wired by {@link ActivatorBeans#wire} as the platform wires it;
 * functions are deployed and made ready the way the loop does it (published into {@code PublishedEndpoints}), pokes
 * arrive through the {@link LoopPoker} the loop is attached to, and the held count is what the loop reads.
 */
class LocalActivatorContractTest extends ActivatorContract {

    @Override
    protected Backend start(ActivatorSettings settings) throws Exception {
        return PublishedBackend.start(vertx, (endpoints, poker, meters) -> {
            LoopPoker loop = new LoopPoker();
            loop.attach(poker);
            return ActivatorBeans.wire(
                    settings,
                    "quiver.localhost",
                    endpoints,
                    loop,
                    meters,
                    new ColdStartRecorder(new ColdStartMeters(meters)));
        });
    }
}
