package dev.quiver.sources.store.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;

/** The source of a CopyObject, read to give the copy a checksum in another algorithm. */
final class CopySource {

    private CopySource() {}

    /**
     * The checksum in {@code algorithm} of the copy source ({@code /bucket/key}, URL-encoded, maybe with
     * {@code ?versionId=}), or null when there is no such object (s3proxy then answers NoSuchKey).
     */
    static StoredChecksum checksum(BlobStore store, String copySource, ChecksumAlgorithm algorithm) throws IOException {
        String source = URLDecoder.decode(copySource.split("\\?", 2)[0], StandardCharsets.UTF_8);
        source = source.startsWith("/") ? source.substring(1) : source;
        int slash = source.indexOf('/');
        if (slash <= 0 || source.startsWith(".")) {
            return null;
        }
        Blob blob = store.getBlob(source.substring(0, slash), source.substring(slash + 1));
        if (blob == null) {
            return null;
        }
        ChecksumAlgorithm.Digest digest = algorithm.newDigest();
        try (InputStream in = blob.getPayload().openStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return new StoredChecksum(algorithm, StoredChecksum.Type.FULL_OBJECT, digest.base64());
    }
}
