package dev.quiver.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sources app ({@code eventing/sources/target/quarkus-app}: the S3-compatible object store) as a process on fixed
 * ports, publishing to the rig's broker, started with the command line the platform's launcher uses; and an AWS SDK
 * client that uploads to it.
 */
public final class SourcesNode implements AutoCloseable {

    static final String BUCKET = "faults";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path data;
    private final String brokerUrl;
    private final int httpPort;
    private final int s3Port;
    private final Path log;
    private final S3Client s3;
    private Process process;

    SourcesNode(Path jar, Path data, String brokerUrl, int httpPort, int s3Port, Path log) {
        this.jar = jar;
        this.data = data;
        this.brokerUrl = brokerUrl;
        this.httpPort = httpPort;
        this.s3Port = s3Port;
        this.log = log;
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build();
    }

    public synchronized SourcesNode start(Duration timeout) {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquiver.sources.s3.port=" + s3Port,
                "-Dquiver.sources.data-dir=" + data,
                "-Dquiver.sources.broker-url=" + brokerUrl,
                "-Dquiver.sources.access-key=quiver",
                "-Dquiver.sources.secret-key=quiver-secret",
                "-jar",
                jar.toString());
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Waits.until("sources ready on port " + httpPort + " (log " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("sources exited, see " + log);
            }
            return ready();
        });
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        return this;
    }

    private boolean ready() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** PUTs an object; true when the store answered 200 (the SDK retries a 503 SlowDown or no answer itself). */
    boolean upload(String key) {
        try {
            s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(key));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        s3.close();
    }
}
