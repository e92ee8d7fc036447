package dev.quiver.sources.security;

import dev.quiver.api.security.SecretFile;
import dev.quiver.sources.config.InvalidSettingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The S3 API's credentials: the configured {@code quiver.sources.access-key} / {@code secret-key}, or, when neither
 * is set, random ones generated at first start into {@code <data-dir>/s3-credentials} (a properties file with
 * {@code access-key=} and {@code secret-key=}, mode 0600) and reused on later starts. {@code quiver upload} and the
 * AWS CLI lines of docs/sources.md read that file.
 *
 * @param file the generated file the keys came from; empty when they were configured
 */
public record S3Credentials(String accessKey, String secretKey, Optional<Path> file) {

    public static final String FILE_NAME = "s3-credentials";
    /** The credentials this project once shipped as defaults: published, so never accepted off loopback. */
    public static final String PUBLISHED_ACCESS_KEY = "quiver";

    public static final String PUBLISHED_SECRET_KEY = "quiver-secret";

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=***, file=" + file + "]";
    }

    public boolean published() {
        return PUBLISHED_ACCESS_KEY.equals(accessKey) && PUBLISHED_SECRET_KEY.equals(secretKey);
    }

    public static S3Credentials resolve(Optional<String> accessKey, Optional<String> secretKey, Path dataDir) {
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new InvalidSettingException(
                    List.of("quiver.sources." + (accessKey.isPresent() ? "secret-key" : "access-key")
                            + " must be set together with quiver.sources."
                            + (accessKey.isPresent() ? "access-key" : "secret-key") + ", but was ''"));
        }
        if (accessKey.isPresent()) {
            return new S3Credentials(accessKey.get(), secretKey.get(), Optional.empty());
        }
        Path file = dataDir.resolve(FILE_NAME);
        String generated =
                "access-key=" + SecretFile.random().substring(0, 20) + "\nsecret-key=" + SecretFile.random() + "\n";
        Properties p = new Properties();
        try {
            p.load(new StringReader(SecretFile.readOrCreate(file, generated)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        String access = p.getProperty("access-key", "").trim();
        String secret = p.getProperty("secret-key", "").trim();
        if (access.isEmpty() || secret.isEmpty()) {
            throw new InvalidSettingException(List.of("quiver.sources.data-dir holds " + file + " without access-key"
                    + " and secret-key: delete it to generate new ones, but was '" + file + "'"));
        }
        return new S3Credentials(access, secret, Optional.of(file));
    }
}
