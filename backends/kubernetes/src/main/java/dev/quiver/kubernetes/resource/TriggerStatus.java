package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status} of a {@link Trigger}: conditions Ready/Failed and the resolved subscriber URI. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TriggerStatus extends ResourceStatus {
    @JsonPropertyDescription("The subscriber's resolved URI.")
    private String subscriberUri;

    public String getSubscriberUri() {
        return subscriberUri;
    }

    public void setSubscriberUri(String subscriberUri) {
        this.subscriberUri = subscriberUri;
    }
}
