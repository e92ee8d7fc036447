package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;

/** Decides whether a trigger wants an event. Pure; built and validated by {@link FilterParser}. */
@FunctionalInterface
public interface EventFilter {

    EventFilter MATCH_ALL = event -> true;

    boolean matches(CloudEvent event);
}
