package dev.quiver.kubernetes.resource;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Knative Eventing's {@code eventing.knative.dev/v1} Trigger, reconciled by the controller when its CRD is installed
 * (deploy/overlays/knative-eventing-api, or Knative Eventing itself). Not part of the generated quiver.dev CRDs.
 */
@Group(KnativeTrigger.GROUP)
@Version("v1")
@Kind("Trigger")
@Plural("triggers")
public class KnativeTrigger extends CustomResource<KnativeObject.Spec, KnativeObject.Status> implements Namespaced {
    public static final String GROUP = "eventing.knative.dev";
    public static final String CRD = "triggers." + GROUP;

    @Override
    protected KnativeObject.Spec initSpec() {
        return new KnativeObject.Spec();
    }

    @Override
    protected KnativeObject.Status initStatus() {
        return new KnativeObject.Status();
    }
}
