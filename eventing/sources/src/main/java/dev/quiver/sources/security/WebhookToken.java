package dev.quiver.sources.security;

import dev.quiver.api.security.SecretFile;
import dev.quiver.sources.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks' shared secret: {@code quiver.sources.webhook.token}, or the file {@code webhook.token-file} names,
 * or else one generated at first start into {@code <data-dir>/webhook-token} (mode 0600) and reused.
 *
 * @param file where a generated token is kept; empty when it was configured
 */
public record WebhookToken(String token, Optional<Path> file) {

    public static final String FILE_NAME = "webhook-token";

    @Override
    public String toString() {
        return "WebhookToken[token=***, file=" + file + "]";
    }

    public static WebhookToken resolve(Optional<String> token, Optional<String> tokenFile, Path dataDir) {
        String key = "quiver.sources.webhook.";
        if (token.isPresent() && tokenFile.isPresent()) {
            throw new InvalidSettingException(
                    List.of(key + "token and " + key + "token-file must not both be set," + " but was 'both set'"));
        }
        if (token.isPresent()) {
            if (token.get().isBlank()) {
                throw new InvalidSettingException(List.of(key + "token must not be blank, but was ''"));
            }
            return new WebhookToken(token.get().trim(), Optional.empty());
        }
        if (tokenFile.isPresent()) {
            try {
                return new WebhookToken(
                        SecretFile.read(key + "token-file", Path.of(tokenFile.get())), Optional.empty());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(List.of(key + "token-file must name a readable, non-empty file,"
                        + " but was '" + tokenFile.get() + "'"));
            }
        }
        Path file = dataDir.resolve(FILE_NAME);
        return new WebhookToken(
                SecretFile.readOrCreate(file, SecretFile.random() + "\n").trim(), Optional.of(file));
    }
}
