package dev.quiver.sources.store;

import dev.quiver.sources.config.SourcesSettings;
import dev.quiver.sources.mapping.InvalidNotificationException;
import dev.quiver.sources.mapping.S3EventMapper;
import dev.quiver.sources.publish.EventJson;
import dev.quiver.sources.publish.Publisher;
import dev.quiver.sources.store.checksum.ChecksumBlobStore;
import dev.quiver.sources.store.checksum.ChecksumFront;
import dev.quiver.sources.store.checksum.PartSums;
import dev.quiver.sources.store.checksum.SigV4;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jboss.logging.Logger;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * The embedded S3-compatible object store: s3proxy (the S3 REST protocol, AWS Signature V2/V4 authentication, S3
 * error XML) over a jclouds filesystem blob store under {@code quiver.sources.data-dir}, wrapped in a
 * {@link NotifyingBlobStore} so that every object created or deleted becomes an S3 event record and, through the
 * S3 adapter, a CloudEvent for the broker; a write is answered only once its event is durable ({@link Publisher}),
 * and refused with 503 SlowDown before anything is stored while the outbox is full ({@link OutboxGuard}). Today's clients' flexible checksums and aws-chunked uploads are handled
 * by the {@link ChecksumFront} before s3proxy, which keeps each object's checksum with it ({@link ChecksumBlobStore}).
 */
@Singleton
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private S3Proxy proxy;
    private BlobStoreContext context;

    void start(@Observes StartupEvent event, SourcesSettings settings, Publisher publisher) throws Exception {
        Files.createDirectories(settings.dataDir());
        Properties overrides = new Properties();
        overrides.setProperty(
                FilesystemConstants.PROPERTY_BASEDIR, settings.dataDir().toString());
        context = ContextBuilder.newBuilder(new FilesystemApiMetadata())
                .overrides(overrides)
                .buildView(BlobStoreContext.class);
        S3EventRecords records = new S3EventRecords(settings.region(), settings.accessKey());
        PartSums parts = new PartSums(settings.dataDir().resolve(".checksums"));
        BlobStore store = new ChecksumBlobStore(
                new NotifyingBlobStore(
                        context.getBlobStore(),
                        change -> durable(publisher, toEvent(records, change)),
                        Clock.systemUTC()),
                parts);
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + settings.s3Host() + ":" + settings.s3Port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
                .build();
        S3Proxy verified = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        ChecksumFront.install(
                proxy,
                verified,
                new SigV4(settings.accessKey(), settings.secretKey()),
                Clock.systemUTC(),
                parts,
                store);
        OutboxGuard.install(proxy, publisher::full);
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
        LOG.infof("S3 API on http://%s:%d (objects in %s)", settings.s3Host(), proxy.getPort(), settings.dataDir());
    }

    /** Returns once the event is durable; otherwise the S3 request fails (500) rather than be acknowledged. */
    private static void durable(Publisher publisher, io.cloudevents.CloudEvent event) {
        try {
            publisher.publish(event);
        } catch (IOException e) {
            LOG.errorf(e, "Event could not be made durable (outbox not writable): %s", EventJson.text(event));
            throw new UncheckedIOException(e);
        }
    }

    static io.cloudevents.CloudEvent toEvent(S3EventRecords records, StoreChange change) {
        try {
            return S3EventMapper.mapRecord(records.record(change), "store");
        } catch (InvalidNotificationException e) {
            throw new IllegalStateException("the store wrote an S3 record the S3 adapter refuses", e);
        }
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (context != null) {
            context.close();
        }
    }

    /** The port the S3 API listens on (the configured one, or the one picked for port 0). */
    public int port() {
        return proxy == null ? -1 : proxy.getPort();
    }

    public boolean started() {
        return proxy != null && "STARTED".equals(proxy.getState());
    }
}
