package dev.quiver.sources.store.checksum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.internal.MutableBlobMetadataImpl;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Keeps objects' checksums ({@link StoredChecksum}, in user metadata) where s3proxy alone would lose them: a completed
 * multipart upload gets the checksum the checksum front worked out from its parts ({@link PartSums}) in place of its
 * plan, a copy that replaces the user metadata keeps the source's checksum, as S3 does, and a copy asked for in
 * another algorithm gets the checksum the front computed ({@link #copiesGet}).
 */
public final class ChecksumBlobStore extends ForwardingBlobStore {

    private final PartSums parts;

    public ChecksumBlobStore(BlobStore delegate, PartSums parts) {
        super(delegate);
        this.parts = parts;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> completed) {
        Map<String, String> user = withoutChecksum(mpu.blobMetadata().getUserMetadata());
        parts.completed(mpu.id()).ifPresent(sum -> user.put(StoredChecksum.METADATA_KEY, sum.metadata()));
        MutableBlobMetadataImpl metadata = new MutableBlobMetadataImpl(mpu.blobMetadata());
        metadata.setUserMetadata(user);
        String etag = delegate()
                .completeMultipartUpload(
                        MultipartUpload.create(
                                mpu.containerName(), mpu.blobName(), mpu.id(), metadata, mpu.putOptions()),
                        completed);
        parts.remove(mpu.id());
        return etag;
    }

    @Override
    public void abortMultipartUpload(MultipartUpload mpu) {
        delegate().abortMultipartUpload(mpu);
        parts.remove(mpu.id());
    }

    /**
     * Makes copies on this thread get {@code checksum} (CopyObject with {@code x-amz-checksum-algorithm}, worked out
     * by the checksum front from the source) until closed. The front and this store see one S3 request on one thread,
     * with s3proxy between them.
     */
    public static Asked copiesGet(StoredChecksum checksum) {
        ASKED.set(checksum);
        return ASKED::remove;
    }

    /** Ends {@link #copiesGet}. */
    public interface Asked extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<StoredChecksum> ASKED = new ThreadLocal<>();

    @Override
    public String copyBlob(
            String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        StoredChecksum asked = ASKED.get();
        // null user metadata (x-amz-metadata-directive COPY): the store copies the source's, checksum included
        if (asked != null
                || (options.userMetadata() != null
                        && StoredChecksum.of(options.userMetadata()).isEmpty())) {
            BlobMetadata source = delegate().blobMetadata(fromContainer, fromName);
            Map<String, String> sourceUser = source == null ? Map.of() : source.getUserMetadata();
            Optional<StoredChecksum> sum = asked != null ? Optional.of(asked) : StoredChecksum.of(sourceUser);
            if (sum.isPresent()) {
                Map<String, String> user =
                        withoutChecksum(options.userMetadata() != null ? options.userMetadata() : sourceUser);
                user.put(StoredChecksum.METADATA_KEY, sum.get().metadata());
                options = CopyOptions.builder()
                        .contentMetadata(options.contentMetadata())
                        .userMetadata(user)
                        .ifMatch(options.ifMatch())
                        .ifNoneMatch(options.ifNoneMatch())
                        .ifModifiedSince(options.ifModifiedSince())
                        .ifUnmodifiedSince(options.ifUnmodifiedSince())
                        .build();
            }
        }
        return delegate().copyBlob(fromContainer, fromName, toContainer, toName, options);
    }

    private static Map<String, String> withoutChecksum(Map<String, String> user) {
        Map<String, String> copy = new HashMap<>(user == null ? Map.of() : user);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(StoredChecksum.METADATA_KEY));
        return copy;
    }
}
