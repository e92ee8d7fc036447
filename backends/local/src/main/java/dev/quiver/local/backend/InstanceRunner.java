package dev.quiver.local.backend;

import dev.quiver.local.registry.FunctionDefinition;

/**
 * Starts one function instance. Implementation: local processes ({@code process}). Starting returns at once;
 * readiness and exit are reported through the handle. The loop's port, {@link LocalBackend}, is built on it.
 */
public interface InstanceRunner {

    /** Starts an instance of {@code function} named {@code id}, for a waiting request or for the warm pool. */
    InstanceHandle start(FunctionDefinition function, String id, Purpose purpose);

    /** Stops every instance this runner started (platform shutdown). */
    void stopAll();
}
