package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;
import java.util.List;

/** {@code all} (every filter matches; also the top-level {@code filters} list) and {@code any}. */
record CompositeFilter(boolean all, List<EventFilter> filters) implements EventFilter {

    @Override
    public boolean matches(CloudEvent event) {
        return all
                ? filters.stream().allMatch(f -> f.matches(event))
                : filters.stream().anyMatch(f -> f.matches(event));
    }
}
