package dev.quiver.broker.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one source or sink document (YAML or JSON) and checks what every kind needs: the kind the route serves,
 * one of its API versions, a DNS-label name, a spec. Each kind's parser checks its spec.
 */
public final class SourceDocuments {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private SourceDocuments() {}

    public static SourceResource read(SourceKind kind, String text) {
        List<SourceResource> all;
        try (MappingIterator<SourceResource> it =
                YAML.readerFor(SourceResource.class).readValues(text)) {
            all = it.readAll().stream().filter(r -> r != null).toList();
        } catch (JsonProcessingException e) {
            throw new InvalidSourceException("not a " + kind.kind() + " document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidSourceException("cannot read the document: " + e.getMessage());
        }
        if (all.size() != 1) {
            throw new InvalidSourceException("expected one " + kind.kind() + " document, got " + all.size());
        }
        return check(kind, all.get(0));
    }

    static SourceResource check(SourceKind kind, SourceResource r) {
        if (r.kind() != null && !r.kind().equals(kind.kind())) {
            throw new InvalidSourceException(
                    "kind: this route takes " + kind.kind() + " documents, got '" + r.kind() + "'");
        }
        if (r.apiVersion() != null && !kind.apiVersions().contains(r.apiVersion())) {
            throw new InvalidSourceException(
                    "apiVersion: " + kind.kind() + " is " + kind.apiVersions() + ", got '" + r.apiVersion() + "'");
        }
        if (r.metadata() == null || r.metadata().name() == null) {
            throw new InvalidSourceException("metadata.name: required");
        }
        if (!NAME.matcher(r.metadata().name()).matches()) {
            throw new InvalidSourceException("metadata.name: must be a DNS label (lowercase letters, digits, '-'),"
                    + " got '" + r.metadata().name() + "'");
        }
        if (r.spec() == null) {
            throw new InvalidSourceException("spec: required");
        }
        SourceResource.Metadata m = r.metadata();
        return new SourceResource(
                r.apiVersion() == null ? kind.apiVersion() : r.apiVersion(),
                kind.kind(),
                new SourceResource.Metadata(m.name(), m.namespaceOrDefault(), m.labels(), m.annotations()),
                r.spec(),
                null);
    }
}
