package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;
import java.util.Map;

/**
 * The legacy {@code filter.attributes} exact match: every listed attribute must equal its value; an empty value
 * matches any value of a present attribute.
 */
record LegacyAttributesFilter(Map<String, String> attributes) implements EventFilter {

    @Override
    public boolean matches(CloudEvent event) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String actual = EventAttributes.get(event, e.getKey());
            if (actual == null || (!e.getValue().isEmpty() && !actual.equals(e.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
