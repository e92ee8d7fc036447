package dev.quiver.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The start-up archives the build made (target/quarkus-app/quiver-jvm.properties) are used by the JDK that made each:
 * the JVM's class-loading log says which classes came from the archive ("source: shared objects file"), so an archive
 * the JVM silently ignores fails here. Both are trained on requests, so they also hold what the runtime loads after
 * static init (its beans, the admission gate) and the request path's classes; Quarkus's own AppCDS archive did not.
 */
class StartupArchivesIT {

    @Test
    void theAppCdsArchiveIsUsedByTheJdkThatMadeItAndWasTrainedOnRequests() throws Exception {
        Properties archives = archives();
        assertThat(archives.getProperty("appcds.file")).isEqualTo("app-cds.jsa");
        assertThat(archives.getProperty("appcds.training")).contains("hello json 2xx");
        Path cds = appDir().resolve(archives.getProperty("appcds.file"));
        List<String> loaded = servesWith(
                Path.of(archives.getProperty("appcds.java.home")),
                List.of("-Xshare:on", "-XX:SharedArchiveFile=" + cds));
        assertThat(loaded)
                .anyMatch(l -> l.contains("dev.quiver.examples.hello.HelloFunction source: shared objects file"))
                .anyMatch(l -> l.contains("dev.quiver.runtime.admission.InFlightGate source: shared objects file"));
    }

    @Test
    void theAotCacheIsUsedByTheJdkThatTrainedItAndWasTrainedOnRequests() throws Exception {
        Properties archives = archives();
        assumeTrue(
                archives.getProperty("aot.file") != null,
                "no AOT cache was made: " + archives.getProperty("aot.skipped"));
        assertThat(archives.getProperty("aot.training"))
                .contains("hello json 2xx", "hello binary-ce 2xx", "hello structured-ce 2xx");
        Path cache = appDir().resolve(archives.getProperty("aot.file"));
        List<String> loaded = servesWith(
                Path.of(archives.getProperty("aot.java.home")),
                List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-XX:+UseSerialGC"));
        assertThat(loaded)
                .anyMatch(l -> l.contains("dev.quiver.examples.hello.HelloFunction source: shared objects file"))
                .as("a class first loaded by a request, not at start-up")
                .anyMatch(l -> l.contains("dev.quiver.runtime.admission.InFlightGate source: shared objects file"));
    }

    /** Starts hello with the options, checks it answers, returns the JVM's class-loading log. */
    private static List<String> servesWith(Path javaHome, List<String> options) throws Exception {
        Path classLog = Files.createTempFile("hello-classes-", ".log");
        List<String> jvmOptions = new ArrayList<>(options);
        jvmOptions.add("-Xlog:class+load=info:file=" + classLog);
        try (HelloInstance hello = HelloInstance.start(javaHome, jvmOptions, "quiver.warmup.iterations=0")) {
            assertThat(hello.awaitReady(Duration.ofSeconds(60)))
                    .as("ready with %s; log:%n%s", jvmOptions, hello.output())
                    .isTrue();
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(hello.uri("/hello"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Hello Ada!");
            return Files.readAllLines(classLog);
        } finally {
            Files.deleteIfExists(classLog);
        }
    }

    private static Path appDir() {
        return HelloInstance.jar().getParent();
    }

    private static Properties archives() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(appDir().resolve("quiver-jvm.properties"))) {
            p.load(r);
        }
        return p;
    }
}
