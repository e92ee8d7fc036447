package dev.quiver.cli;

import picocli.CommandLine.Option;

/**
 * {@code --context} on a command that only works on this machine's platform ({@code up}, {@code down},
 * {@code publish}, {@code upload}, {@code logs}, {@code demo}, {@code hello}): anything but {@code local} is refused
 * with exit 2 and the commands that do take a context.
 */
public final class LocalOnly {
    @Option(
            names = "--context",
            paramLabel = "local",
            defaultValue = "local",
            description = "Only local: this command works on the platform of this machine.")
    String context = "local";

    public void check(String command) {
        if (context != null && !context.isBlank() && !context.equals("local")) {
            throw QuiverException.usage(command + " works on the local platform only, not --context " + context
                    + "; --context applies to ls, status, deploy, delete and invoke");
        }
    }
}
