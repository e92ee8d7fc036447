package dev.quiver.broker.ingress;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.util.Optional;
import java.util.regex.Pattern;

/** The CloudEvents 1.0 rules an accepted event must meet. Pure. */
public final class EventValidator {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");

    private EventValidator() {}

    /** @return the first broken rule, naming the attribute, or empty when the event is valid */
    public static Optional<String> violation(CloudEvent event) {
        if (event.getSpecVersion() != SpecVersion.V1) {
            return Optional.of("specversion must be 1.0, got " + event.getSpecVersion());
        }
        if (isEmpty(event.getId())) {
            return Optional.of("id must be a non-empty string");
        }
        if (event.getSource() == null || event.getSource().toString().isEmpty()) {
            return Optional.of("source must be a non-empty URI-reference");
        }
        if (isEmpty(event.getType())) {
            return Optional.of("type must be a non-empty string");
        }
        for (String name : event.getExtensionNames()) {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                return Optional.of("attribute name '" + name + "' must be lowercase letters a-z and digits 0-9");
            }
        }
        return Optional.empty();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
