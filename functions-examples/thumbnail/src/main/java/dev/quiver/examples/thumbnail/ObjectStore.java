package dev.quiver.examples.thumbnail;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3-compatible store (AWS SDK v2, path-style): read the uploaded image, write the thumbnail. */
@Singleton
public class ObjectStore {

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
     * One real round trip per operation the function's path uses, without writing: lists the buckets (connection,
     * signing, XML parsing) and reads a key that does not exist (the get path and its error mapping). Nothing is written.
     *
     * @return what was touched, for the log
     */
    public String touch() {
        List<Bucket> buckets = s3.listBuckets().buckets();
        if (buckets.isEmpty()) {
            return "no buckets";
        }
        String bucket = buckets.get(0).name();
        try {
            s3.getObjectAsBytes(g -> g.bucket(bucket).key(Thumbnails.TARGET_PREFIX + ".quiver-warm-up-probe"));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e; // credentials or the store are wrong: the warm-up log says so
            }
        }
        return buckets.size() + " bucket(s), probed " + bucket;
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
