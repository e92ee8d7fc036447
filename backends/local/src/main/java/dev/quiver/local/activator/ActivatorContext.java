package dev.quiver.local.activator;

import dev.quiver.local.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings.ActivatorSettings;
import io.vertx.core.http.HttpClient;

/** What a request handler on one event loop needs: its own HTTP client, the settings, the metrics. */
record ActivatorContext(HttpClient client, ActivatorSettings settings, ActivatorMetrics metrics,
                        ColdStartRecorder coldStarts) {
}
