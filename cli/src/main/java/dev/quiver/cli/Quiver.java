package dev.quiver.cli;

import dev.quiver.api.control.ControlClient;
import dev.quiver.cli.commands.BuildCommand;
import dev.quiver.cli.commands.DeleteCommand;
import dev.quiver.cli.commands.DemoCommand;
import dev.quiver.cli.commands.DeployCommand;
import dev.quiver.cli.commands.DownCommand;
import dev.quiver.cli.commands.HelloCommand;
import dev.quiver.cli.commands.InvokeCommand;
import dev.quiver.cli.commands.LogsCommand;
import dev.quiver.cli.commands.LsCommand;
import dev.quiver.cli.commands.PublishCommand;
import dev.quiver.cli.commands.RevisionsCommand;
import dev.quiver.cli.commands.SimulateCommand;
import dev.quiver.cli.commands.StatusCommand;
import dev.quiver.cli.commands.TrafficCommand;
import dev.quiver.cli.commands.UpCommand;
import dev.quiver.cli.commands.UploadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code quiver}: the local platform's command line. */
@Command(
        name = "quiver",
        mixinStandardHelpOptions = true,
        version = "quiver 0.1.0",
        description = "Quiver: event-driven Java functions on one machine. State and logs: .quiver/ (or "
                + "$QUIVER_DATA_DIR).",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            DeployCommand.class,
            DeleteCommand.class,
            LsCommand.class,
            StatusCommand.class,
            RevisionsCommand.class,
            TrafficCommand.class,
            InvokeCommand.class,
            PublishCommand.class,
            UploadCommand.class,
            LogsCommand.class,
            DemoCommand.class,
            HelloCommand.class,
            SimulateCommand.class,
            BuildCommand.class,
            HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 failure, 2 bad usage, 3 the platform is not running.",
            "Docs: docs/platform.md.  Tests: ./mvnw -B verify"
        })
public class Quiver implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Quiver());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof QuiverException q) {
                line.getErr()
                        .println("quiver: " + q.getMessage()
                                + (q.exitCode() == Exit.USAGE
                                        ? " (see quiver " + line.getCommandName() + " --help)"
                                        : ""));
                return q.exitCode();
            }
            if (e instanceof ControlClient.ControlUnreachable u) {
                line.getErr().println("quiver: " + u.getMessage() + "; is the platform running? (quiver up)");
                return Exit.NOT_RUNNING;
            }
            if (e instanceof ControlClient.ControlException ce) {
                line.getErr().println("quiver: " + ce.getMessage());
                return Exit.FAILURE;
            }
            line.getErr().println("quiver: " + e);
            return Exit.FAILURE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
