package dev.quiver.runtime.warmup;

/**
 * Implemented by a function app's CDI bean to warm its real path before the instance reports ready: load the
 * classes, open the clients and touch the services (object store, Kafka, a database) its first request would
 * otherwise pay for. The runtime calls every hook once, on a background thread, before the sample-input warm-up
 * ({@code quiver.warmup.inputs}) and before readiness; all hooks share the {@code quiver.warmup.timeout} budget. A hook
 * that throws or overruns is logged and the instance becomes ready anyway: warm-up is never fatal. Hooks do not run
 * when {@code quiver.warmup.iterations=0} (the platform's on-demand starts, which serve a waiting request at once).
 *
 * <pre>{@code
 * @ApplicationScoped
 * class StoreWarmUp implements WarmUpHook {
 *     @Inject S3Client s3;
 *     public void warmUp() { s3.headBucket(b -> b.bucket("images")); }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WarmUpHook {
    void warmUp() throws Exception;
}
