package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;

/** The {@code exact}, {@code prefix} and {@code suffix} dialects: one attribute compared with one value. */
record AttributeFilter(Mode mode, String attribute, String value) implements EventFilter {

    enum Mode {
        EXACT,
        PREFIX,
        SUFFIX
    }

    @Override
    public boolean matches(CloudEvent event) {
        String actual = EventAttributes.get(event, attribute);
        if (actual == null) {
            return false;
        }
        return switch (mode) {
            case EXACT -> actual.equals(value);
            case PREFIX -> actual.startsWith(value);
            case SUFFIX -> actual.endsWith(value);
        };
    }
}
