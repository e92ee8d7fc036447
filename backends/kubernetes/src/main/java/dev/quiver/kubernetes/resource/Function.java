package dev.quiver.kubernetes.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A function: the same description as the local YAML file, with a container image instead of an artifact path. */
@Group(Function.GROUP)
@Version(Function.VERSION)
@ShortNames("qfn")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url")
public class Function extends CustomResource<FunctionResourceSpec, FunctionStatus> implements Namespaced {
    public static final String GROUP = "quiver.dev";
    public static final String VERSION = "v1alpha1";

    @Override
    protected FunctionStatus initStatus() {
        return new FunctionStatus();
    }
}
