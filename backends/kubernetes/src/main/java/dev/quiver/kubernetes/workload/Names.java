package dev.quiver.kubernetes.workload;

/** Names of the objects made for a function. */
public final class Names {
    private Names() {}

    /** The Deployment of cold-started active instances. */
    public static String deployment(String function) {
        return function;
    }

    /** The Service clients call: routes to the pods (serve) or to the activator (proxy). */
    public static String service(String function) {
        return function;
    }

    /** The Service that always selects the function's active pods: what the activator forwards to. */
    public static String privateService(String function) {
        return function + "-private";
    }

    /** A tag's own Service, routed through the activator to the tagged revision (Knative's tag route). */
    public static String tagService(String tag, String function) {
        return tag + "-" + function;
    }

    public static String warmPodPrefix(String function) {
        return function + "-warm-";
    }

    public static String url(String function, String namespace) {
        return "http://" + function + "." + namespace + ".svc.cluster.local";
    }
}
