package dev.quiver.local.launch;

import java.util.Optional;

/**
 * What was configured: the archive policy and, when given, an explicit JVM (which the plan then always uses).
 *
 * @param java the explicit launcher as identified (version empty when its home has no {@code release} file)
 */
public record LaunchChoice(Archive archive, Optional<JvmBuild> java) {}
