package dev.quiver.local.security;

import dev.quiver.api.security.SecretFile;
import dev.quiver.local.config.PlatformSettings.SecuritySettings;
import java.nio.file.Path;

/**
 * The control API's bearer token (also the broker admin API's, which the platform starts with the same file) and
 * the file that holds it: {@code quiver.platform.control-token} when set (written to the file, so that the CLI
 * finds it), else the file's content, generated at first start.
 */
public record ControlToken(String value, Path file) {

    public static ControlToken resolve(SecuritySettings s) {
        if (s.controlToken().isPresent()) {
            SecretFile.write(s.controlTokenFile(), s.controlToken().get() + "\n");
            return new ControlToken(s.controlToken().get(), s.controlTokenFile());
        }
        return new ControlToken(SecretFile.token(s.controlTokenFile()), s.controlTokenFile());
    }

    @Override
    public String toString() {
        return "ControlToken[file=" + file + "]";
    }
}
