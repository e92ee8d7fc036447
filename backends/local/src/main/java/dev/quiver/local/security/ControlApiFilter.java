package dev.quiver.local.security;

import dev.quiver.api.errors.ErrorBody;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The {@link ControlApiGuard} on every JAX-RS request (the {@code /v1} control API); health and metrics
 * ({@code /q/...}) are not JAX-RS resources and stay open.
 */
@Provider
@PreMatching
public class ControlApiFilter implements ContainerRequestFilter {
    private final Instance<ControlToken> token;
    private volatile ControlApiGuard guard;

    /** The token is looked up at the first request: the filter is made before the run-time settings exist. */
    public ControlApiFilter(Instance<ControlToken> token) {
        this.token = token;
    }

    private ControlApiGuard guard() {
        ControlApiGuard g = guard;
        if (g == null) {
            ControlToken t = token.get();
            g = new ControlApiGuard(t.value(), t.file().toString());
            guard = g;
        }
        return g;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean hasBody =
                request.hasEntity() || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        Optional<ErrorBody> refusal = guard().check(
                        method,
                        request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getHeaderString(HttpHeaders.CONTENT_TYPE),
                        hasBody);
        refusal.ifPresent(e -> {
            Response.ResponseBuilder r =
                    Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e);
            if (e.status() == 401) {
                r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"quiver\"");
            }
            request.abortWith(r.build());
        });
    }
}
