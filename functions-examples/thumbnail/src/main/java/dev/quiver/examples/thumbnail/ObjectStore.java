package dev.quiver.examples.thumbnail;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

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

    @PreDestroy
    void close() {
        s3.close();
    }
}
