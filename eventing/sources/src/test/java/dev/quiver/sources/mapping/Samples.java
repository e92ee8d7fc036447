package dev.quiver.sources.mapping;

import java.io.IOException;
import java.io.InputStream;

/** Notification bodies captured from (or shaped as documented by) AWS S3, MinIO and Tencent COS. */
final class Samples {

    private Samples() {}

    static byte[] read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/notifications/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample with one literal replaced, for malformed variants. */
    static byte[] edited(String name, String from, String to) {
        String text = new String(read(name), java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(name + " does not contain " + from);
        }
        return text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
