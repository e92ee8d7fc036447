package dev.quiver.kubernetes.workload;

import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/**
 * Which way a function's public Service routes, as recorded on it: the annotation {@code quiver.dev/mode}. A Service
 * made by an older controller (selector, no annotation) is in serve mode when it selects the function's active pods.
 */
public final class Routing {
    private Routing() {}

    /** The mode of {@code svc} (the public Service of {@code function}); a missing Service is in proxy mode. */
    public static Mode mode(Service svc, String function) {
        if (svc == null) {
            return Mode.PROXY;
        }
        Map<String, String> a = svc.getMetadata().getAnnotations();
        String v = a == null ? null : a.get(Labels.MODE);
        if (v != null) {
            return Mode.SERVE.key().equals(v) ? Mode.SERVE : Mode.PROXY;
        }
        return svc.getSpec() != null
                        && Labels.active(function).equals(svc.getSpec().getSelector())
                ? Mode.SERVE
                : Mode.PROXY;
    }

    /** Whether {@code svc} still has a selector (made by an older controller): then it must lose it. */
    public static boolean selects(Service svc) {
        return svc.getSpec() != null
                && svc.getSpec().getSelector() != null
                && !svc.getSpec().getSelector().isEmpty();
    }
}
