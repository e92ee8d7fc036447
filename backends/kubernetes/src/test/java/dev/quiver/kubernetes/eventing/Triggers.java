package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.resource.Trigger;
import io.fabric8.kubernetes.client.utils.Serialization;

final class Triggers {
    private Triggers() {}

    static Trigger of(String name, String spec) {
        return Serialization.unmarshal(
                "apiVersion: quiver.dev/v1alpha1\nkind: Trigger\nmetadata: {name: " + name + ", namespace: ev}\nspec:\n"
                        + spec,
                Trigger.class);
    }
}
