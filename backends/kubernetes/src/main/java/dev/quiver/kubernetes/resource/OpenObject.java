package dev.quiver.kubernetes.resource;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema stand-in for a settings map whose keys another component validates (scaler-core's {@code SpecReader}, the
 * broker's filter parser): the CRD says {@code type: object} and keeps unknown fields.
 */
@PreserveUnknownFields
final class OpenObject {
    private OpenObject() {}
}
