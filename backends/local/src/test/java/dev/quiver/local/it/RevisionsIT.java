package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Revisions on the real platform with real hello processes. The code change is a rebuild in place: the app's
 * {@code Greeter} is patched to answer "Howdy" in the same directory, as a developer's rebuild would.
 */
class RevisionsIT {
    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void aCodeChangeMakesARevisionServingEveryRequestAfterTheDeployAndTrafficSplitsTagsAndRollsBack() throws Exception {
        Path app = platform.dataDir.resolve("hello-rev");
        copy(platform.helloJar.getParent(), app);
        String spec =
                "name: rev\nartifact: " + app.resolve("quarkus-run.jar") + "\nscale: {minScale: 1, warmPool: 1}\n";
        assertThat(deploy(spec).statusCode()).isEqualTo(201);
        assertThat(answer("/f/rev/hello")).isEqualTo("Hello Ada!");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> assertThat(api.status("rev").path("warm").asInt()).isEqualTo(1));

        patchGreeter(app, "Hello ", "Howdy ");
        assertThat(deploy(spec).statusCode()).as("updated").isEqualTo(200);

        long old = 0;
        for (int i = 0; i < 50; i++) {
            if (answer("/f/rev/hello").startsWith("Hello")) {
                old++;
            }
        }
        assertThat(old)
                .as("answers by the old code after the deploy reported success")
                .isZero();
        assertThat(names(revisions())).containsExactly("rev-00001", "rev-00002");
        assertThat(api.sendAsIs(HttpRequest.newBuilder(api.control("/v1/functions/rev/revisions"))
                                .GET()
                                .build())
                        .statusCode())
                .as("authenticated like the rest of the control API")
                .isEqualTo(401);

        assertThat(traffic("{\"traffic\":[{\"revisionName\":\"rev-00001\",\"percent\":90},"
                                + "{\"latestRevision\":true,\"percent\":10,\"tag\":\"next\"}]}")
                        .statusCode())
                .isEqualTo(200);
        int howdy = 0;
        for (int i = 0; i < 2_000; i++) {
            if (answer("/f/rev/hello").startsWith("Howdy")) {
                howdy++;
            }
        }
        assertThat(howdy / 2000.0)
                .as("the 10 % revision's share of 2,000 requests")
                .isBetween(0.07, 0.13);
        assertThat(answer("/f/rev@next/hello")).isEqualTo("Howdy Ada!");
        assertThat(hostAnswer("next-rev.quiver.localhost")).isEqualTo("Howdy Ada!");

        assertThat(traffic("{\"traffic\":[{\"revisionName\":\"rev-00001\",\"percent\":100}]}")
                        .statusCode())
                .as("rollback: one command")
                .isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(answer("/f/rev/hello")).isEqualTo("Hello Ada!");
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(revisions()
                                .path("revisions")
                                .get(1)
                                .path("ready")
                                .asInt())
                        .as("0 % and no tag: scaled to zero")
                        .isZero());
        assertThat(revisions().path("revisions").get(0).path("ready").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(traffic("{\"traffic\":[{\"revisionName\":\"rev-00009\",\"percent\":100}]}")
                        .body())
                .contains("traffic[0].revisionName: must be one of the function's revisions");
        api.delete("rev");
    }

    HttpResponse<String> deploy(String spec) {
        return api.send(HttpRequest.newBuilder(api.control("/v1/functions/rev"))
                .header("content-type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(spec)));
    }

    HttpResponse<String> traffic(String json) {
        return api.send(HttpRequest.newBuilder(api.control("/v1/functions/rev/traffic"))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode revisions() {
        return Api.json(api.send(HttpRequest.newBuilder(api.control("/v1/functions/rev/revisions"))
                        .GET())
                .body());
    }

    static List<String> names(JsonNode revisions) {
        return Stream.iterate(0, i -> i + 1)
                .limit(revisions.path("revisions").size())
                .map(i -> revisions.path("revisions").get(i).path("name").asText())
                .toList();
    }

    String answer(String path) {
        HttpResponse<String> r =
                api.sendAsIs(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.activatorPort + path))
                        .timeout(Duration.ofSeconds(90))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Api.json(r.body()).path("message").asText();
    }

    String hostAnswer(String host) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", platform.activatorPort)) {
            String body = "{\"name\":\"Ada\"}";
            String req = "POST /hello HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all).startsWith("HTTP/1.1 200");
            return Api.json(all.substring(all.indexOf("\r\n\r\n") + 4))
                    .path("message")
                    .asText();
        }
    }

    /** A rebuild in place: the jar holding Greeter.class is rewritten with the greeting's bytes replaced. */
    static void patchGreeter(Path app, String from, String to) throws IOException {
        assertThat(to).hasSameSizeAs(from);
        List<Path> jars;
        try (Stream<Path> s = Files.walk(app)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        for (Path jar : jars) {
            if (!contains(jar, "dev/quiver/examples/hello/Greeter.class")) {
                continue;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                java.util.Set<String> written = new java.util.HashSet<>();
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] bytes = in.readAllBytes();
                    if (!written.add(e.getName())) {
                        continue;
                    }
                    if (e.getName().equals("dev/quiver/examples/hello/Greeter.class")) {
                        bytes = replace(
                                bytes, from.getBytes(StandardCharsets.UTF_8), to.getBytes(StandardCharsets.UTF_8));
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            // written in place, like a build tool truncating the file: the revision's own copy must not change
            try (InputStream in = Files.newInputStream(tmp);
                    OutputStream out = Files.newOutputStream(jar)) {
                in.transferTo(out);
            }
            Files.delete(tmp);
            return;
        }
        throw new AssertionError("no jar with Greeter.class under " + app);
    }

    static boolean contains(Path jar, String entry) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        outer:
        for (int i = 0; i + from.length <= bytes.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (bytes[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, bytes, i, to.length);
            return bytes;
        }
        throw new AssertionError("greeting not found in Greeter.class");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
