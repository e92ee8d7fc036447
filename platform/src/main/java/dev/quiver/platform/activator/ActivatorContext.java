package dev.quiver.platform.activator;

import dev.quiver.platform.coldstart.ColdStartRecorder;
import dev.quiver.platform.config.PlatformSettings.ActivatorSettings;
import io.vertx.core.http.HttpClient;

/** What a request handler on one event loop needs: its own HTTP client, the settings, the metrics. */
record ActivatorContext(HttpClient client, ActivatorSettings settings, ActivatorMetrics metrics,
                        ColdStartRecorder coldStarts) {
}
