package dev.quiver.kubernetes.activator;

import java.util.List;

/** What the activator knows of the cluster: which functions exist and their ready endpoints. */
public interface FunctionDirectory {
    boolean known(String namespace, String function);

    /** Ready endpoints of the function's {@code <name>-private} Service, in a stable order. */
    List<Endpoint> ready(String namespace, String function);

    /** Called (on any thread) after a function's ready endpoints may have changed. */
    interface Listener {
        void changed(String namespace, String function);
    }
}
