package dev.quiver.local.security;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.api.security.BearerToken;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the control API and with which bodies: a request needs {@code Authorization: Bearer <token>} (compared
 * in constant time), and a body must be JSON or YAML, so that neither a caller without the token nor a browser page
 * (whose form and text posts need no CORS preflight) can drive the platform.
 */
public final class ControlApiGuard {
    /** The body types the control API reads. */
    public static final Set<String> BODY_TYPES =
            Set.of("application/json", "application/yaml", "application/x-yaml", "text/yaml");

    private final java.util.List<String> token;
    private final String tokenFile;

    /** @param tokenFile where the token is kept, named in the 401's message */
    public ControlApiGuard(String token, String tokenFile) {
        this.token = java.util.List.of(token);
        this.tokenFile = tokenFile;
    }

    /** The refusal of a request, or empty when it may go on. */
    public Optional<ErrorBody> check(String method, String authorization, String contentType, boolean hasBody) {
        if (!authorized(authorization)) {
            return Optional.of(ErrorBody.of(
                    401,
                    "unauthorized",
                    "The control API needs 'Authorization: Bearer " + "<token>'; the token is in " + tokenFile
                            + " (the quiver CLI sends it; or set QUIVER_TOKEN)."));
        }
        if (hasBody && !acceptedBody(contentType)) {
            return Optional.of(ErrorBody.of(
                    415,
                    "unsupported_media_type",
                    "The control API reads only "
                            + String.join(", ", BODY_TYPES.stream().sorted().toList()) + " bodies; was '"
                            + (contentType == null ? "(none)" : contentType) + "'."));
        }
        return Optional.empty();
    }

    boolean authorized(String authorization) {
        return BearerToken.accepts(token, authorization == null ? null : authorization.strip());
    }

    static boolean acceptedBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return BODY_TYPES.contains(type);
    }
}
