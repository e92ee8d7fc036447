package dev.quiver.kubernetes.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A broker: a Kafka topic that receives CloudEvents over HTTP and feeds the triggers naming it. */
@Group(Function.GROUP)
@Version(Function.VERSION)
@ShortNames("qbr")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url")
public class Broker extends CustomResource<BrokerSpec, BrokerStatus> implements Namespaced {
    @Override
    protected BrokerStatus initStatus() {
        return new BrokerStatus();
    }
}
