package dev.quiver.sources.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** At start: resolves the secrets (a refused setting stops start-up) and says where they are, never what they are. */
@Singleton
public class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);

    void start(@Observes StartupEvent event, SourcesSecurity security) {
        security.warnings().forEach(LOG::warn);
        security.s3().file().ifPresent(f -> LOG.infof("S3 credentials (access-key, secret-key) in %s", f));
        security.webhook()
                .file()
                .ifPresent(f -> LOG.infof("webhook token in %s: senders must send 'Authorization: Bearer <token>'", f));
    }
}
