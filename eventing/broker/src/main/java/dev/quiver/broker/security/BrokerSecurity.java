package dev.quiver.broker.security;

import dev.quiver.api.security.Loopback;
import dev.quiver.api.security.SecretFile;
import dev.quiver.broker.config.BrokerConfig;
import dev.quiver.broker.delivery.InvalidSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who may call the broker, validated once at start (docs/eventing.md, "Security").
 *
 * @param host the address the broker binds ({@code quarkus.http.host})
 * @param adminToken the bearer token the admin API requires; empty = none configured
 * @param adminPort the admin API's own port; empty = the admin API is served on the main port
 * @param ingressTokens bearer tokens accepted at ingress; empty = ingress is open
 * @param warnings what a person should know at start (a non-loopback bind, an unauthenticated admin API)
 */
public record BrokerSecurity(
        String host,
        Optional<String> adminToken,
        OptionalInt adminPort,
        List<String> ingressTokens,
        List<String> warnings) {

    public static final String ADMIN_TOKEN = "quiver.broker.admin.token";
    public static final String ADMIN_TOKEN_FILE = "quiver.broker.admin.token-file";
    public static final String ADMIN_PORT = "quiver.broker.admin.port";
    public static final String ALLOW_UNAUTHENTICATED = "quiver.broker.admin.allow-unauthenticated";
    public static final String INGRESS_TOKENS = "quiver.broker.ingress.tokens";

    public BrokerSecurity {
        ingressTokens = List.copyOf(ingressTokens);
        warnings = List.copyOf(warnings);
    }

    public static BrokerSecurity from(String host, BrokerConfig.Admin admin, BrokerConfig.Ingress ingress) {
        return of(
                host,
                admin.token(),
                admin.tokenFile(),
                admin.port(),
                admin.allowUnauthenticated(),
                ingress.tokens().orElse(List.of()));
    }

    /** @throws InvalidSettingException naming the key, the rule and the bad value (never a token itself) */
    public static BrokerSecurity of(
            String host,
            Optional<String> token,
            Optional<String> tokenFile,
            OptionalInt adminPort,
            boolean allowUnauthenticated,
            List<String> ingressTokens) {
        if (token.isPresent() && tokenFile.isPresent()) {
            throw new InvalidSettingException(
                    ADMIN_TOKEN, "and " + ADMIN_TOKEN_FILE + " must not both be set", "both set");
        }
        if (token.isPresent() && token.get().isBlank()) {
            throw new InvalidSettingException(ADMIN_TOKEN, "must not be blank", "");
        }
        Optional<String> adminToken = token.map(String::trim);
        if (tokenFile.isPresent()) {
            try {
                adminToken = Optional.of(SecretFile.read(ADMIN_TOKEN_FILE, Path.of(tokenFile.get())));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(
                        ADMIN_TOKEN_FILE, "must name a readable, non-empty file", tokenFile.get());
            }
        }
        if (adminPort.isPresent() && (adminPort.getAsInt() < 1 || adminPort.getAsInt() > 65535)) {
            throw new InvalidSettingException(ADMIN_PORT, "must be 1..65535", adminPort.getAsInt());
        }
        for (String t : ingressTokens) {
            if (t.isBlank()) {
                throw new InvalidSettingException(INGRESS_TOKENS, "must not contain an empty token", "");
            }
        }
        List<String> warnings = new ArrayList<>();
        boolean loopback = Loopback.is(host);
        if (!loopback) {
            if (adminToken.isEmpty() && !allowUnauthenticated) {
                throw new InvalidSettingException(
                        "quarkus.http.host",
                        "is not a loopback address, so the admin API" + " needs a token: set " + ADMIN_TOKEN + " or "
                                + ADMIN_TOKEN_FILE,
                        host);
            }
            warnings.add("the broker listens on " + host + ": event ingress (POST /{broker}) "
                    + (ingressTokens.isEmpty() ? "without a token (" + INGRESS_TOKENS + " is empty)" : "with a token")
                    + " and the admin API (/admin/v1/triggers) on "
                    + (adminPort.isPresent() ? "port " + adminPort.getAsInt() : "the same port")
                    + (adminToken.isPresent()
                            ? " with its token"
                            : " WITHOUT a token (" + ALLOW_UNAUTHENTICATED
                                    + "=true: only a network policy protects it)")
                    + " are reachable from other machines");
        }
        return new BrokerSecurity(
                host,
                adminToken,
                adminPort,
                ingressTokens.stream().map(String::trim).toList(),
                warnings);
    }
}
