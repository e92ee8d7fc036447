package dev.quiver.local.backend;

import dev.quiver.local.registry.FunctionDefinition;

/**
 * Runs function instances. Implementations: local processes ({@code process}); Kubernetes pods next.
 * Starting returns at once; readiness and exit are reported through the handle.
 */
public interface InstanceBackend {

    /** Starts an instance of {@code function} named {@code id}, for a waiting request or for the warm pool. */
    InstanceHandle start(FunctionDefinition function, String id, Purpose purpose);

    /** Stops every instance this backend started (platform shutdown). */
    void stopAll();
}
