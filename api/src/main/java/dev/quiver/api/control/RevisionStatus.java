package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One revision of a function, as {@code GET /v1/functions/{name}/revisions} lists it.
 *
 * @param name    {@code <function>-0000N}
 * @param created ISO-8601 instant of the deploy that made it
 * @param digest  the code's content digest ({@code sha256:...})
 * @param percent its share of the function's requests now
 * @param tags    its traffic tags (each a route of its own)
 * @param ready   its ready instances
 * @param latest  whether it is the function's latest revision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevisionStatus(
        String name, String created, String digest, int percent, List<String> tags, int ready, boolean latest) {
    public RevisionStatus {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The digest's first 12 hex digits. */
    public String shortDigest() {
        String hex = digest == null ? "" : digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
