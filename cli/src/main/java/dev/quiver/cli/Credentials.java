package dev.quiver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The secrets the platform keeps in its data directory, as the CLI finds them: the control API's token
 * ({@code --token}, else {@code $QUIVER_TOKEN}, else {@code <data dir>/control-token}) and the object store's S3
 * credentials ({@code $QUIVER_S3_ACCESS_KEY}/{@code $QUIVER_S3_SECRET_KEY}, else
 * {@code <data dir>/objects/s3-credentials}, written by the sources at their first start).
 */
public final class Credentials {
    private Credentials() {}

    public static Path controlTokenFile(Workspace ws) {
        return ws.dataDir().resolve("control-token");
    }

    public static Path s3CredentialsFile(Workspace ws) {
        return ws.dataDir().resolve("objects").resolve("s3-credentials");
    }

    /** The control token, looked up at each call (a platform being started writes its file once it runs). */
    public static Supplier<Optional<String>> controlToken(Workspace ws, Map<String, String> env, String flag) {
        return () -> nonBlank(flag).or(() -> nonBlank(env.get("QUIVER_TOKEN"))).or(() -> read(controlTokenFile(ws)));
    }

    /** {@code [accessKey, secretKey]}, or empty when neither the environment nor the file gives them. */
    public static Optional<String[]> s3(Workspace ws, Map<String, String> env) {
        Optional<String> access = nonBlank(env.get("QUIVER_S3_ACCESS_KEY"));
        Optional<String> secret = nonBlank(env.get("QUIVER_S3_SECRET_KEY"));
        if (access.isPresent() && secret.isPresent()) {
            return Optional.of(new String[] {access.get(), secret.get()});
        }
        Path file = s3CredentialsFile(ws);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String a = p.getProperty("access-key");
        String k = p.getProperty("secret-key");
        return a == null || k == null ? Optional.empty() : Optional.of(new String[] {a.strip(), k.strip()});
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? nonBlank(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
