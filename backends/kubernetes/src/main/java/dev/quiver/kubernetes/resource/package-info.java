/**
 * The custom resources of group {@code quiver.dev}, version {@code v1alpha1}: {@link dev.quiver.kubernetes.resource.Function},
 * {@link dev.quiver.kubernetes.resource.Trigger} and {@link dev.quiver.kubernetes.resource.Broker}. The CRD YAML in
 * {@code deploy/base/crds/} is generated from these classes; {@code CrdDriftTest} fails when the two differ.
 */
package dev.quiver.kubernetes.resource;
