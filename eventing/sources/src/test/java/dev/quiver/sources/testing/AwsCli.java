package dev.quiver.sources.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real AWS CLI ({@code aws}) against the store, with its default checksum settings and a private config file
 * ({@code AWS_CONFIG_FILE}). When it is missing and we are root, Debian's {@code awscli} package is installed.
 */
public final class AwsCli {

    private final String executable;
    private final Path home;
    private final int port;

    private AwsCli(String executable, Path home, int port) {
        this.executable = executable;
        this.home = home;
        this.port = port;
    }

    /** The CLI for the store on {@code port}; the test is skipped (with the reason) when it cannot be had. */
    public static AwsCli forStore(Path home, int port) throws Exception {
        String aws = find();
        if (aws == null && "root".equals(System.getProperty("user.name"))) {
            Result install = run(
                    List.of("sh", "-c", "apt-get install -y awscli || (apt-get update && apt-get install -y awscli)"),
                    Map.of(),
                    Path.of("."),
                    600);
            aws = find();
            Assumptions.assumeTrue(
                    aws != null,
                    "the AWS CLI is not installed and apt-get install -y awscli failed: " + install.output());
        }
        Assumptions.assumeTrue(
                aws != null, "the AWS CLI (aws) is not on the PATH and we are not root to apt-get install awscli");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\n");
        Files.writeString(home.resolve("credentials"), "");
        return new AwsCli(aws, home, port);
    }

    private static String find() throws Exception {
        Result which = run(List.of("sh", "-c", "command -v aws"), Map.of(), Path.of("."), 30);
        return which.exit() == 0 && !which.output().isBlank() ? which.output().trim() : null;
    }

    /** {@code aws --endpoint-url <store> <args...>} run in {@code dir}. */
    public Result run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable, "--endpoint-url", "http://127.0.0.1:" + port));
        command.addAll(List.of(args));
        return run(
                command,
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "quiver",
                        "AWS_SECRET_ACCESS_KEY",
                        "quiver-secret",
                        "AWS_CONFIG_FILE",
                        home.resolve("config").toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("credentials").toString()),
                dir,
                300);
    }

    /** {@code aws configure set <key> <value>} in the private config file. */
    public void configure(String key, String value) throws Exception {
        Result set = run(
                List.of(executable, "configure", "set", key, value),
                Map.of(
                        "AWS_CONFIG_FILE",
                        home.resolve("config").toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("credentials").toString()),
                home,
                60);
        if (set.exit() != 0) {
            throw new IllegalStateException("aws configure set " + key + " failed: " + set.output());
        }
    }

    public String version() throws Exception {
        return run(List.of(executable, "--version"), Map.of(), home, 60)
                .output()
                .trim();
    }

    private static Result run(List<String> command, Map<String, String> env, Path dir, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // the CLI's defaults, whatever this machine's environment says
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + seconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Exit code and output (stdout and stderr) of one command. */
    public record Result(int exit, String output) {}
}
