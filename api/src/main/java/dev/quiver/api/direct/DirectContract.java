package dev.quiver.api.direct;

/**
 * How the platform tells an instance to serve (or stop serving) its function's direct address: a per-function port
 * that every active instance binds with {@code SO_REUSEPORT}, so the kernel spreads connections over them and the
 * activator is out of the data path. The instance gets {@link #ENV_TOKEN} at launch; the platform then sends
 * {@code POST} {@link #LISTEN_PATH}{@code ?host=<address>&port=<port>} (a {@link DirectListen}) or {@link #CLOSE_PATH} to the instance's own port with
 * {@code Authorization: Bearer <token>}; both answer a {@link DirectState}, as does {@code GET} {@link #STATE_PATH}.
 */
public final class DirectContract {
    /** The bearer token the direct routes accept; without it the instance never serves a direct address. */
    public static final String ENV_TOKEN = "QUIVER_DIRECT_TOKEN";
    /** Vert.x binds with {@code SO_REUSEPORT} only on its native (epoll) transport: set for such instances. */
    public static final String ENV_NATIVE_TRANSPORT = "QUARKUS_VERTX_PREFER_NATIVE_TRANSPORT";

    public static final String LISTEN_PATH = "/quiver/direct/listen";
    public static final String CLOSE_PATH = "/quiver/direct/close";
    public static final String STATE_PATH = "/quiver/direct";

    private DirectContract() {}
}
