package dev.quiver.sources.store;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store that reports every object created (put, copy, completed multipart upload) or deleted, after the
 * underlying store did it. What S3 calls the bucket notification, seen from below the S3 protocol (s3proxy).
 * <p>
 * Two things users must not see: s3proxy keeps a stub blob named by the upload id while a multipart upload is open
 * (put on initiate, removed on complete/abort), which makes no event; and the filesystem store lists the directories
 * behind keys like {@code a/b.txt} as {@code a/} entries, which a recursive (no delimiter) listing leaves out, as S3 does.
 * The listener is called synchronously, after the store did the change and before the S3 request is answered: it
 * returns once the event is durable. Directories whose names no bucket can have (the outbox, {@code .outbox}) are
 * not listed as buckets.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    private final Consumer<StoreChange> listener;
    private final Clock clock;
    private final Set<String> uploadStubs = ConcurrentHashMap.newKeySet();

    public NotifyingBlobStore(BlobStore delegate, Consumer<StoreChange> listener, Clock clock) {
        super(delegate);
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String etag = delegate().putBlob(container, blob, options);
        if (uploadStubs.contains(container + "/" + blob.getMetadata().getName())) {
            return etag;
        }
        created(StoreChange.Kind.PUT, container, blob.getMetadata().getName(), etag);
        return etag;
    }

    @Override
    public String copyBlob(
            String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        String etag = delegate().copyBlob(fromContainer, fromName, toContainer, toName, options);
        created(StoreChange.Kind.COPY, toContainer, toName, etag);
        return etag;
    }

    @Override
    public MultipartUpload initiateMultipartUpload(String container, BlobMetadata metadata, PutOptions options) {
        MultipartUpload mpu = delegate().initiateMultipartUpload(container, metadata, options);
        uploadStubs.add(container + "/" + mpu.id());
        return mpu;
    }

    @Override
    public PageSet<? extends StorageMetadata> list() {
        PageSet<? extends StorageMetadata> buckets = delegate().list();
        List<StorageMetadata> visible = buckets.stream()
                .filter(m -> !m.getName().startsWith("."))
                .map(m -> (StorageMetadata) m)
                .toList();
        return visible.size() == buckets.size() ? buckets : new PageSetImpl<>(visible, buckets.getNextMarker());
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        PageSet<? extends StorageMetadata> page = delegate().list(container, options);
        if (!options.isRecursive()) {
            return page; // with a delimiter, directories are the common prefixes
        }
        List<StorageMetadata> objects = page.stream()
                .filter(m -> m.getType() != StorageType.FOLDER && m.getType() != StorageType.RELATIVE_PATH)
                .map(m -> (StorageMetadata) m)
                .toList();
        return objects.size() == page.size() ? page : new PageSetImpl<>(objects, page.getNextMarker());
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
        String etag = delegate().completeMultipartUpload(mpu, parts);
        created(StoreChange.Kind.COMPLETE_MULTIPART_UPLOAD, mpu.containerName(), mpu.blobName(), etag);
        return etag;
    }

    @Override
    public void removeBlob(String container, String name) {
        delegate().removeBlob(container, name);
        if (uploadStubs.remove(container + "/" + name)) {
            return;
        }
        listener.accept(new StoreChange(StoreChange.Kind.DELETE, container, name, 0, "", clock.instant()));
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
        delegate().removeBlobs(container, names);
        for (String name : names) {
            listener.accept(new StoreChange(StoreChange.Kind.DELETE, container, name, 0, "", clock.instant()));
        }
    }

    private void created(StoreChange.Kind kind, String container, String name, String etag) {
        BlobMetadata metadata = delegate().blobMetadata(container, name);
        Long size = metadata == null ? null : metadata.getContentMetadata().getContentLength();
        String tag = etag == null ? "" : etag.replace("\"", "");
        listener.accept(new StoreChange(kind, container, name, size == null ? 0 : size, tag, clock.instant()));
    }
}
