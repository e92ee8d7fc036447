package dev.quiver.local.registry;

import dev.quiver.local.launch.Archive;
import java.util.Optional;

/** A function's own JVM choice ({@code jvm: {java: ..., archive: ...}}); empty parts use the platform's settings. */
public record LaunchOverride(Optional<String> java, Optional<Archive> archive) {
    public static final LaunchOverride NONE = new LaunchOverride(Optional.empty(), Optional.empty());
}
