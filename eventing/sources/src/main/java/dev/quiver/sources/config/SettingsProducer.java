package dev.quiver.sources.config;

import dev.quiver.sources.security.Exposure;
import dev.quiver.sources.security.S3Credentials;
import dev.quiver.sources.security.SourcesSecurity;
import dev.quiver.sources.security.WebhookToken;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates the {@code quiver.sources.*} configuration once; a broken value stops start-up naming the key. */
public class SettingsProducer {

    @Produces
    @Singleton
    SourcesSettings settings(SourcesConfig config, SourcesSecurity security) {
        return SourcesSettings.from(
                config, security.s3().accessKey(), security.s3().secretKey());
    }

    /** Reads or generates the S3 credentials and the webhook token under the data directory. */
    @Produces
    @Singleton
    SourcesSecurity security(SourcesConfig config, @ConfigProperty(name = "quarkus.http.host") String httpHost) {
        if (config.dataDir().isBlank()) {
            throw new InvalidSettingException(
                    List.of(SourcesSettings.PREFIX + "data-dir must not be empty, but was '" + config.dataDir() + "'"));
        }
        if (config.webhook().cosHeader().isBlank()) {
            throw new InvalidSettingException(
                    List.of(SourcesSettings.PREFIX + "webhook.cos-header must name an HTTP header, but was ''"));
        }
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath();
        S3Credentials s3 = S3Credentials.resolve(config.accessKey(), config.secretKey(), dataDir);
        WebhookToken webhook =
                WebhookToken.resolve(config.webhook().token(), config.webhook().tokenFile(), dataDir);
        List<String> warnings = Exposure.check(httpHost, config.s3().host(), s3);
        return new SourcesSecurity(
                s3,
                webhook,
                config.webhook().cosHeader().trim(),
                config.brokerToken().map(String::trim).filter(t -> !t.isEmpty()),
                warnings);
    }
}
