package dev.quiver.control.route;

/**
 * Port: how many requests for a function the activator holds, waiting for an instance. The loop counts them as
 * concurrency on both backends: locally the activator answers in process; on Kubernetes an adapter reads each
 * activator pod's {@link dev.quiver.api.activator.ActivatorLoad} report.
 */
public interface QueuedRequests {
    QueuedRequests NONE = function -> 0;

    int queued(FunctionRef function);
}
