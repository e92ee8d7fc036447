package dev.quiver.scaler.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code quiver-simulator.jar}: {@code java -jar quiver-simulator.jar simulate ...}. */
@Command(
        name = "quiver",
        mixinStandardHelpOptions = true,
        version = "quiver-simulator 0.1.0",
        description = "Replays traffic traces through the Quiver scaler.",
        subcommands = {SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 bad input, 2 bad usage). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Same, writing to the given streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
