package dev.quiver.api.function;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a function document may not ask of the machine that runs it, on both backends: environment variables that
 * make the dynamic linker or the JVM load code ({@code LD_PRELOAD}, {@code JAVA_TOOL_OPTIONS}, ...), and JVM
 * options that run programs or load native code or agents ({@code -XX:OnError}, {@code -agentpath}, ...).
 * JVM flags belong in {@code jvmOptions}, where they are checked.
 */
public final class LaunchRules {
    /** Environment variables the JVM reads options from (they would bypass the jvmOptions check). */
    public static final Set<String> JVM_OPTION_VARIABLES =
            Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    /** JVM option prefixes that run a program, load an agent or native code, or read more options from a file. */
    public static final List<String> REFUSED_OPTIONS = List.of(
            "-XX:OnOutOfMemoryError",
            "-XX:OnError",
            "-XX:VMOptionsFile",
            "-XX:Flags",
            "-agentpath",
            "-agentlib",
            "-javaagent",
            "-Xrun",
            "@");

    private LaunchRules() {}

    /** Why an environment variable name is refused, or empty when it may be set. */
    public static Optional<String> envProblem(String name) {
        if (name.toUpperCase(Locale.ROOT).startsWith("LD_")) {
            return Optional.of("must not be a dynamic linker variable (LD_*): it loads native code into the process");
        }
        if (JVM_OPTION_VARIABLES.contains(name)) {
            return Optional.of("must not be a JVM options variable ("
                    + String.join(", ", JVM_OPTION_VARIABLES.stream().sorted().toList())
                    + "): put JVM flags in jvmOptions");
        }
        return Optional.empty();
    }

    /** Why a JVM option is refused, or empty when it may be given. */
    public static Optional<String> jvmOptionProblem(String option) {
        String o = option.strip();
        for (String refused : REFUSED_OPTIONS) {
            if (o.startsWith(refused)) {
                return Optional.of("must not be " + (refused.equals("@") ? "an @argument file" : refused)
                        + " (it runs a program, loads native code or an agent, or reads more options; refused: "
                        + String.join(
                                ", ",
                                REFUSED_OPTIONS.stream()
                                        .map(r -> r.equals("@") ? "@file" : r)
                                        .toList())
                        + ")");
            }
        }
        return Optional.empty();
    }
}
