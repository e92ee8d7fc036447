package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Exit codes and messages of the commands, without a platform (nothing listens on the ports). */
class QuiverCommandLineTest {
    private Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void session() throws IOException {
        dir = Files.createTempDirectory("quiver-cli-test");
        Files.writeString(dir.resolve("image.png"), "png");
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        String p = Integer.toString(free);
        Session.use(new Session(
                new Workspace(dir, dir.resolve(".quiver")),
                new Console(new PrintStream(out, true), new PrintStream(out, true), false),
                Map.of(
                        "QUIVER_CONTROL_PORT",
                        p,
                        "QUIVER_ACTIVATOR_PORT",
                        p,
                        "QUIVER_BROKER_PORT",
                        p,
                        "QUIVER_S3_PORT",
                        p,
                        "QUIVER_SOURCES_PORT",
                        p)));
    }

    @AfterEach
    void reset() {
        Session.use(null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("help", new String[] {"help"}, 0, ""),
                Arguments.of("help of a command", new String[] {"deploy", "--help"}, 0, "Usage: quiver deploy"),
                Arguments.of("an unknown command", new String[] {"launch"}, 2, "Unmatched argument"),
                Arguments.of("deploy without a spec", new String[] {"deploy"}, 2, "Missing required parameter"),
                Arguments.of(
                        "deploy a missing file",
                        new String[] {"deploy", "nope.yaml"},
                        2,
                        "no such file or directory: nope.yaml"),
                Arguments.of("ls, the platform not running", new String[] {"ls"}, 3, "start it with quiver up"),
                Arguments.of(
                        "status of a function, not running",
                        new String[] {"status", "hello"},
                        3,
                        "the platform is not running"),
                Arguments.of("invoke, not running", new String[] {"invoke", "hello"}, 3, "not running"),
                Arguments.of(
                        "the Kubernetes context",
                        new String[] {"ls", "--context", "kubernetes"},
                        2,
                        "functions.quiver.dev"),
                Arguments.of(
                        "a local-only command with a context",
                        new String[] {"upload", "IMAGE", "photos/a.png", "--context", "http://10.0.0.5:8082"},
                        2,
                        "upload works on the local platform only, not --context http://10.0.0.5:8082"),
                Arguments.of(
                        "a context that is no URL",
                        new String[] {"status", "--context", "prod"},
                        2,
                        "--context must be 'local' or a control API URL"),
                Arguments.of(
                        "--field without a function",
                        new String[] {"status", "--field", "ready"},
                        2,
                        "--field needs a function"),
                Arguments.of(
                        "publish without a type",
                        new String[] {"publish", "{}"},
                        2,
                        "Missing required option: '--type"),
                Arguments.of(
                        "publish, the broker not running",
                        new String[] {"publish", "--type", "t"},
                        3,
                        "the broker is not running"),
                Arguments.of(
                        "upload to a target without a key",
                        new String[] {"upload", "IMAGE", "photos"},
                        2,
                        "the target is <bucket>/<key>, was 'photos'"),
                Arguments.of(
                        "upload a missing file",
                        new String[] {"upload", "missing.png", "photos/a.png"},
                        2,
                        "no such file: missing.png"),
                Arguments.of(
                        "upload, the store not running",
                        new String[] {"upload", "IMAGE", "photos/a.png"},
                        3,
                        "the object store is not running"),
                Arguments.of("logs of a process that has none", new String[] {"logs", "kafka"}, 1, "no kafka log"),
                Arguments.of(
                        "logs with zero lines", new String[] {"logs", "kafka", "-n", "0"}, 2, "--lines must be >= 1"),
                Arguments.of("down with nothing running", new String[] {"down"}, 0, "nothing is running"),
                Arguments.of(
                        "a port out of range",
                        new String[] {"up", "--control-port", "70000"},
                        2,
                        "--control-port must be 1..65535"),
                Arguments.of(
                        "a bad port number",
                        new String[] {"up", "--broker-port", "http"},
                        2,
                        "Invalid value for option '--broker-port'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitCodeAndMessage(String label, String[] args, int exit, String message) {
        StringWriter err = new StringWriter();
        CommandLine cl = Quiver.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        String[] resolved = Stream.of(args)
                .map(a -> a.equals("IMAGE") ? dir.resolve("image.png").toString() : a)
                .toArray(String[]::new);

        int code = cl.execute(resolved);

        String all = err + out.toString() + usage(cl, resolved);
        assertThat(code).as(all).isEqualTo(exit);
        assertThat(all).contains(message);
    }

    private static String usage(CommandLine cl, String[] args) {
        if (args.length > 1 && args[1].equals("--help")) {
            StringWriter w = new StringWriter();
            cl.getSubcommands().get(args[0]).usage(new PrintWriter(w));
            return w.toString();
        }
        return "";
    }
}
