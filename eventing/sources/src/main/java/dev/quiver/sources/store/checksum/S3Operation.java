package dev.quiver.sources.store.checksum;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The S3 operations whose checksums the front keeps, told apart by method, query and the copy header. */
enum S3Operation {
    PUT_OBJECT,
    COPY_OBJECT,
    UPLOAD_PART,
    CREATE_MULTIPART_UPLOAD,
    COMPLETE_MULTIPART_UPLOAD,
    /** GET or HEAD of an object (or anything else read-only). */
    READ,
    OTHER;

    static S3Operation of(String method, String query, String copySource) {
        boolean part = param(query, "partNumber").isPresent()
                && param(query, "uploadId").isPresent();
        return switch (method) {
            case "PUT" -> copySource != null ? (part ? OTHER : COPY_OBJECT) : (part ? UPLOAD_PART : PUT_OBJECT);
            case "POST" ->
                param(query, "uploads").isPresent()
                        ? CREATE_MULTIPART_UPLOAD
                        : param(query, "uploadId").isPresent() ? COMPLETE_MULTIPART_UPLOAD : OTHER;
            case "GET", "HEAD" -> READ;
            default -> OTHER;
        };
    }

    /** The (decoded) value of {@code name} in a query string, "" for a name without a value. */
    static Optional<String> param(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
