package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;

record NotFilter(EventFilter filter) implements EventFilter {

    @Override
    public boolean matches(CloudEvent event) {
        return !filter.matches(event);
    }
}
