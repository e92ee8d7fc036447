package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs hello's image as a container runtime would, without one: the layers unpacked in order into a root
 * directory, then the image's entrypoint, environment, working directory and user inside it. The root is entered
 * with {@code unshare --root} (chroot(2)) in new mount and PID namespaces with a fresh /proc mounted there:
 * glibc's loader finds the JDK's libjli.so through {@code $ORIGIN}, which it reads from /proc/self/exe, so a plain
 * chroot without /proc cannot start java. The /proc mount lives in the private mount namespace and is gone with
 * it. No host path is bound into the root; the network namespace is the host's, so the port is set through the
 * environment (QUARKUS_HTTP_PORT), as {@code docker run -e} would.
 */
class HelloImageRunsIT {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");

    @TempDir
    Path work;

    @Test
    void imageServesAGreetingAsTheNonRootUserAndStopsOnSigterm() throws Exception {
        assumeTrue(
                System.getProperty("os.name").toLowerCase().contains("linux"),
                "needs Linux (namespaces and chroot) to run the image without a container runtime");
        assumeTrue(
                uid(Path.of("/proc/self/status")) == 0,
                "needs root to chroot into the image's root and mount /proc there (this build runs as uid "
                        + uid(Path.of("/proc/self/status")) + ")");
        assumeTrue(Files.isExecutable(UNSHARE), "needs util-linux unshare at " + UNSHARE);
        Result probe = run(UNSHARE.toString(), "--mount", "--pid", "--fork", "--mount-proc", "true");
        assumeTrue(
                probe.exit() == 0,
                "needs new mount and PID namespaces (unshare --mount --pid --mount-proc), " + "refused here: "
                        + probe.output());
        String help = run(UNSHARE.toString(), "--help").output();
        assumeTrue(
                help.contains("--root") && help.contains("--setuid") && help.contains("--wd"),
                "needs unshare with --root, --wd and --setuid (util-linux 2.38+)");

        ImageTar image = new ImageTar(HelloImageTarIT.TAR);
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        image.extract(rootfs);
        Files.createDirectories(rootfs.resolve("proc")); // the mount point a runtime creates

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("env", "-i"));
        command.addAll(image.configList("Env"));
        command.add("QUARKUS_HTTP_PORT=" + port);
        command.addAll(List.of(
                UNSHARE.toString(),
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "--root=" + rootfs,
                "--mount-proc=/proc",
                "--wd=" + image.config.get("config").get("WorkingDir").asText(),
                "--setuid=" + image.config.get("config").get("User").asText(),
                "--setgid=0"));
        command.addAll(image.configList("Entrypoint"));
        Path log = work.resolve("container.log");
        Process container = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpResponse<String> response = postWhenUp(port, container, log);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"message\":\"Hello x!\"}");

            ProcessHandle java = container
                    .toHandle()
                    .descendants()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no process inside the container"));
            assertThat(uid(Path.of("/proc/" + java.pid() + "/status")))
                    .as("uid of the app")
                    .isEqualTo(185);
            String maps = Files.readString(Path.of("/proc/" + java.pid() + "/maps"));
            for (String option : image.configList("Entrypoint")) {
                if (option.startsWith("-XX:SharedArchiveFile=")) { // the JVM ignores an archive that does not fit
                    assertThat(maps)
                            .as("the AppCDS archive is mapped")
                            .contains(option.substring(option.indexOf('=') + 1));
                }
            }

            java.destroy(); // SIGTERM, as a runtime stops a container
            assertThat(container.waitFor(60, TimeUnit.SECONDS))
                    .as("the container stopped after SIGTERM")
                    .isTrue();
            assertThat(Files.readString(log)).contains("stopped in");
        } finally {
            container.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo")))
                .as("no mount left behind")
                .doesNotContain(rootfs.toString());
    }

    private static HttpResponse<String> postWhenUp(int port, Process container, Path log) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                .build();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            if (!container.isAlive()) {
                fail("the container exited with " + container.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                Thread.sleep(250);
            }
        }
        return fail("the app in the image did not listen on " + port + " within 180 s:\n" + Files.readString(log));
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.waitFor(), out);
    }

    private static int uid(Path status) throws IOException {
        Optional<String> line = Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("Uid:"))
                .findFirst();
        return Integer.parseInt(line.orElseThrow().split("\\s+")[1]);
    }
}
