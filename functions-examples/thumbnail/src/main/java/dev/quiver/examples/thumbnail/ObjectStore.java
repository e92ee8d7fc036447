package dev.quiver.examples.thumbnail;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3-compatible store (AWS SDK v2, path-style): read the uploaded image, write the thumbnail. */
@Singleton
public class ObjectStore {

    static final int PROBE_READS = 10;
    static final int PROBE_READ_BYTES = 64 * 1024;
    /**
     * Bounds of the put probe: a put to a bucket that does not exist is answered 404 before the store reads its
     * body, and the store closes the connection; the SDK's upload then sometimes fails and is retried with back-off
     * (measured: 2 ms usually, 45-490 ms in about half of 40 tries, once 30 s, the socket timeout, in a warm-up).
     */
    static final Duration PROBE_PUT_ATTEMPT = Duration.ofMillis(500);

    static final Duration PROBE_PUT_DEADLINE = Duration.ofSeconds(2);

    private final S3Client s3;

    ObjectStore(
            @ConfigProperty(name = "thumbnail.s3.endpoint") String endpoint,
            @ConfigProperty(name = "thumbnail.s3.region") String region,
            @ConfigProperty(name = "thumbnail.s3.access-key") String accessKey,
            @ConfigProperty(name = "thumbnail.s3.secret-key") String secretKey) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public byte[] read(String bucket, String key) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }

    public void write(String bucket, String key, byte[] png) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(png));
    }

    /**
     * One real round trip per operation the function's path uses, without writing anything: lists the buckets
     * (connection, signing, XML parsing), reads a key that does not exist (the get path and its error mapping) and
     * puts a sample to a bucket that does not exist ({@link #probePut}).
     *
     * @param sample bytes like the ones the function writes (a rendered thumbnail)
     * @return what was touched, for the log
     */
    public String touch(String absentBucket, byte[] sample) {
        List<Bucket> buckets = s3.listBuckets().buckets();
        String read = "no buckets to read from";
        if (!buckets.isEmpty()) {
            String bucket = buckets.get(0).name();
            try {
                s3.getObjectAsBytes(g -> g.bucket(bucket).key(Thumbnails.TARGET_PREFIX + ".quiver-warm-up-probe"));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e; // credentials or the store are wrong: the warm-up log says so
                }
            }
            read = buckets.size() + " bucket(s), read probed in " + bucket + ", " + readSome(bucket);
        }
        return read + ", put answered " + probePut(absentBucket, sample);
    }

    /**
     * The read path of an object that exists (the response body, not the 404 path): up to the first
     * {@value #PROBE_READ_BYTES} bytes of the first object listed in {@code bucket}, preferably one the function would
     * read (under images/), {@value #PROBE_READS} times (the body's copy loops get compiled), then dropped.
     */
    String readSome(String bucket) {
        var objects = s3.listObjectsV2(
                        l -> l.bucket(bucket).prefix(Thumbnails.SOURCE_PREFIX).maxKeys(1))
                .contents();
        if (objects.isEmpty()) {
            objects = s3.listObjectsV2(l -> l.bucket(bucket).maxKeys(1)).contents();
        }
        if (objects.isEmpty()) {
            return "no object to read";
        }
        String key = objects.get(0).key();
        int bytes = 0;
        for (int i = 0; i < PROBE_READS; i++) {
            bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).range("bytes=0-" + (PROBE_READ_BYTES - 1)))
                    .asByteArray()
                    .length;
        }
        return "read " + bytes + " byte(s) of " + key + " " + PROBE_READS + " times";
    }

    /**
     * The whole put path (marshalling, payload hashing and signing, the HTTP client's upload, the error mapping)
     * against the real store, storing nothing: a {@code PutObject} to {@code absentBucket}, which must not exist.
     * The store answers {@code NoSuchBucket} without storing anything or emitting any event. Checked first with a
     * {@code HeadBucket}: when the bucket exists (or is someone else's), nothing is put.
     *
     * @return the store's answer to the put ({@code NoSuchBucket}), or why no put was sent
     */
    public String probePut(String absentBucket, byte[] sample) {
        try {
            s3.headBucket(h -> h.bucket(absentBucket));
            return "nothing: bucket " + absentBucket + " exists, so no put was sent";
        } catch (NoSuchBucketException absent) {
            // the expected answer: go on with the put
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                return "nothing: bucket " + absentBucket + " answered HTTP " + e.statusCode() + ", so no put was sent";
            }
        }
        try {
            s3.putObject(
                    p -> p.overrideConfiguration(o ->
                                    o.apiCallAttemptTimeout(PROBE_PUT_ATTEMPT).apiCallTimeout(PROBE_PUT_DEADLINE))
                            .bucket(absentBucket)
                            .key(Thumbnails.TARGET_PREFIX + "warm-up.png")
                            .contentType("image/png"),
                    RequestBody.fromBytes(sample));
        } catch (SdkClientException e) {
            // the store answers 404 before it reads the body and closes the connection: the SDK's write of the
            // body can then fail and it retries with back-off, or an attempt waits for the socket's 30 s timeout
            return "no answer in time (" + e.getClass().getSimpleName() + "), the put path was still exercised";
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return e.awsErrorDetails() == null
                        ? "HTTP 404"
                        : e.awsErrorDetails().errorCode();
            }
            throw e;
        }
        throw new IllegalStateException("the store accepted a put to bucket " + absentBucket
                + ", which did not exist a moment before: configure thumbnail.warm-up.bucket to a name no bucket has");
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
