package dev.quiver.sources.security;

import dev.quiver.api.security.Loopback;
import dev.quiver.sources.config.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;

/** What a non-loopback bind exposes, and the one combination refused: off loopback with the published credentials. */
public final class Exposure {

    private Exposure() {}

    /**
     * @return warnings naming what becomes reachable from other machines; empty when both listeners are on loopback
     * @throws InvalidSettingException when a listener is off loopback and the S3 credentials are the published ones
     */
    public static List<String> check(String httpHost, String s3Host, S3Credentials credentials) {
        boolean httpOpen = !Loopback.is(httpHost);
        boolean s3Open = !Loopback.is(s3Host);
        if ((httpOpen || s3Open) && credentials.published()) {
            throw new InvalidSettingException(List.of((s3Open ? "quiver.sources.s3.host" : "quarkus.http.host")
                    + " is not a loopback address, so the published S3 credentials quiver / quiver-secret are refused:"
                    + " set quiver.sources.access-key and quiver.sources.secret-key to your own, or unset both to"
                    + " generate random ones, but was '" + (s3Open ? s3Host : httpHost) + "'"));
        }
        List<String> warnings = new ArrayList<>();
        if (httpOpen) {
            warnings.add("the sources listen on " + httpHost + ": the webhooks (/webhooks/s3, /webhooks/cos, bearer"
                    + " token required) are reachable from other machines");
        }
        if (s3Open) {
            warnings.add("the S3 API listens on " + s3Host + ": the object store (signed requests only) is reachable"
                    + " from other machines");
        }
        return warnings;
    }
}
