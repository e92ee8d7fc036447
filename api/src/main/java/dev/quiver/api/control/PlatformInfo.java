package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /v1/info}: where the platform serves functions and keeps its state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformInfo(int activatorPort, String domain, String dataDir, String home) {}
