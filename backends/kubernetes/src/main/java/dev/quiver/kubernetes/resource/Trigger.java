package dev.quiver.kubernetes.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A trigger: broker + filters + subscriber + delivery spec, the shape of the broker's trigger admin API. */
@Group(Function.GROUP)
@Version(Function.VERSION)
@ShortNames("qtr")
@AdditionalPrinterColumn(name = "Broker", jsonPath = ".spec.broker")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
public class Trigger extends CustomResource<TriggerSpec, TriggerStatus> implements Namespaced {
    @Override
    protected TriggerStatus initStatus() {
        return new TriggerStatus();
    }
}
