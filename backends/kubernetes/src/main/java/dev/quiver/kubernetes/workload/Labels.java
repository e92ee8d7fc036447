package dev.quiver.kubernetes.workload;

import java.util.Map;

/** The labels and annotations the controller puts on what it creates, and the selectors built from them. */
public final class Labels {
    public static final String FUNCTION = "quiver.dev/function";
    /** {@code active} (in traffic) or {@code warm} (ready, kept out of traffic). */
    public static final String POOL = "quiver.dev/pool";

    public static final String ACTIVE = "active";
    public static final String WARM = "warm";
    /** Hash of the pod template: warm pods of an older template are replaced. */
    public static final String REVISION = "quiver.dev/revision";

    /** On a revision's objects ({@code <function>-0000N}) and tag Services: the Function they belong to. */
    public static final String REVISION_OF = "quiver.dev/revision-of";
    /** On a tag Service ({@code <tag>-<function>}): its tag. */
    public static final String TAG = "quiver.dev/tag";

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "quiver";
    /** Which pods a ReplicaSet deletes first when scaled down (lower first). */
    public static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    /** On the public Service: where its EndpointSlice points, {@code serve} (the pods) or {@code proxy} (activator). */
    public static final String MODE = "quiver.dev/mode";
    /** The Service an EndpointSlice belongs to (set by whoever writes the slice). */
    public static final String SERVICE_NAME = "kubernetes.io/service-name";
    /** Who writes an EndpointSlice: the EndpointSlice controller leaves slices with another value alone. */
    public static final String SLICE_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";

    public static final String SLICE_MANAGER = "quiver.dev/controller";

    private Labels() {}

    /** Every object of the function. */
    public static Map<String, String> function(String name) {
        return Map.of(FUNCTION, name);
    }

    /** The function's pods in traffic: the Deployment's selector and the Service's in serve mode. */
    public static Map<String, String> active(String name) {
        return Map.of(FUNCTION, name, POOL, ACTIVE);
    }

    public static Map<String, String> warm(String name) {
        return Map.of(FUNCTION, name, POOL, WARM);
    }
}
