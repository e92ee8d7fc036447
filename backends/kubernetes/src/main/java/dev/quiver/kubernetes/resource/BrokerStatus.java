package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status} of a {@link Broker}: conditions and the ingress URL events are POSTed to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BrokerStatus extends ResourceStatus {
    @JsonPropertyDescription("Ingress URL: POST CloudEvents here.")
    private String url;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
