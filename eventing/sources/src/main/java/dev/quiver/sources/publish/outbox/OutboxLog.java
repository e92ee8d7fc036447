package dev.quiver.sources.publish.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A durable FIFO of opaque records on disk: what has been {@link #append appended} (and fsynced) stays until
 * {@link #removeHead removed}, across crashes and restarts, in order.
 * <p>
 * Layout: numbered segment files {@code 00000000000000000001.log} … and a file {@code acked} naming the first
 * record not yet removed ({@code <segment> <offset>}, replaced atomically). A record is {@link RecordFormat framed}
 * with its length and CRC-32C, so a torn last record (a crash in the middle of a write) is found at open and cut off;
 * it was never acknowledged to anyone, since an append returns only after its fsync. Segments every record of
 * which was removed are deleted; when the log is empty a fresh segment is started, so a drained outbox takes no
 * space. A crash between a removal and its {@code acked} update replays that record (at-least-once).
 */
public final class OutboxLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxLog.class);
    /** A segment is closed for appends past this size, so that removed records are freed without a rewrite. */
    static final long ROLL_BYTES = 8L * 1024 * 1024;

    private static final String ACKED = "acked";

    /** Where a pending record lies. */
    private record Entry(long segment, long offset, int length) {
        long end() {
            return offset + RecordFormat.HEADER + length;
        }
    }

    private final Path dir;
    private final long rollBytes;
    private final Deque<Entry> pending = new ArrayDeque<>();
    private long pendingBytes;
    private long segment;
    private FileChannel active;

    private OutboxLog(Path dir, long rollBytes) {
        this.dir = dir;
        this.rollBytes = rollBytes;
    }

    /** Opens (creating) the log in {@code dir}, dropping a torn or corrupt tail; what is left is pending, in order. */
    public static OutboxLog open(Path dir) throws IOException {
        return open(dir, ROLL_BYTES);
    }

    /** @param rollBytes segment size past which appends go to a new segment (tests) */
    static OutboxLog open(Path dir, long rollBytes) throws IOException {
        Files.createDirectories(dir);
        OutboxLog log = new OutboxLog(dir, rollBytes);
        log.recover();
        return log;
    }

    private void recover() throws IOException {
        List<Long> segments = segments();
        long[] acked = readAcked();
        long ackSegment = acked == null ? (segments.isEmpty() ? 1 : segments.get(0)) : acked[0];
        long ackOffset = acked == null ? 0 : acked[1];
        for (long s : segments) {
            if (s < ackSegment) {
                Files.deleteIfExists(file(s));
                continue;
            }
            scan(s, s == ackSegment ? ackOffset : 0);
        }
        segment = segments.isEmpty() ? ackSegment : Math.max(ackSegment, segments.get(segments.size() - 1));
        active = FileChannel.open(file(segment), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        active.position(active.size());
        if (pending.isEmpty()) {
            roll();
        }
        if (!pending.isEmpty()) {
            LOG.infof("Outbox %s: %d events (%d bytes) to replay", dir, pending.size(), pendingBytes);
        }
    }

    /** Reads the records of one segment, keeping those at or after {@code from}; truncates a bad tail. */
    private void scan(long s, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file(s), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long position = 0;
            while (position < size) {
                int length = RecordFormat.validLength(channel, position, size);
                if (length < 0) {
                    LOG.warnf(
                            "Outbox segment %s: cut at byte %d of %d (a record torn by a crash or corrupt)",
                            file(s), position, size);
                    channel.truncate(position);
                    channel.force(true);
                    break;
                }
                Entry entry = new Entry(s, position, length);
                if (position >= from) {
                    pending.addLast(entry);
                    pendingBytes += length;
                }
                position = entry.end();
            }
        }
    }

    /** Appends one record and fsyncs it: when this returns, the record survives a crash of the process or host. */
    public synchronized void append(byte[] payload) throws IOException {
        if (active.size() >= rollBytes) {
            roll();
        }
        long offset = active.size();
        ByteBuffer frame = RecordFormat.frame(payload);
        while (frame.hasRemaining()) {
            active.write(frame, offset + frame.position());
        }
        active.force(false);
        pending.addLast(new Entry(segment, offset, payload.length));
        pendingBytes += payload.length;
    }

    /** The oldest pending record, if any. */
    public synchronized Optional<byte[]> head() {
        Entry head = pending.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file(head.segment()), StandardOpenOption.READ)) {
            ByteBuffer payload = ByteBuffer.allocate(head.length());
            long at = head.offset() + RecordFormat.HEADER;
            while (payload.hasRemaining()) {
                if (channel.read(payload, at + payload.position()) < 0) {
                    throw new IOException("outbox segment " + file(head.segment()) + " ends inside a record");
                }
            }
            return Optional.of(payload.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the oldest pending record (after the broker took it); frees segments nothing pending is left in. */
    public synchronized void removeHead() throws IOException {
        Entry removed = pending.pollFirst();
        if (removed == null) {
            return;
        }
        pendingBytes -= removed.length();
        Entry next = pending.peekFirst();
        if (next == null) {
            roll();
            return;
        }
        writeAcked(next.segment(), next.offset());
        for (long s = removed.segment(); s < next.segment(); s++) {
            Files.deleteIfExists(file(s));
        }
    }

    /** Starts a new empty segment for appends; when nothing is pending, marks it the start and deletes the others. */
    private void roll() throws IOException {
        long previous = segment;
        if (active != null && active.size() == 0 && pending.isEmpty()) {
            writeAcked(segment, 0);
            deleteSegmentsBefore(segment);
            return;
        }
        if (active != null) {
            active.close();
        }
        segment = previous + 1;
        active = FileChannel.open(file(segment), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        syncDirectory();
        if (pending.isEmpty()) {
            writeAcked(segment, 0);
            deleteSegmentsBefore(segment);
        }
    }

    /** Makes a new file's directory entry durable (a host crash could lose a new file's name otherwise). */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            LOG.debugf("Cannot fsync the directory %s (%s): relying on the file system", dir, notSupported);
        }
    }

    private void deleteSegmentsBefore(long s) throws IOException {
        for (long old : segments()) {
            if (old < s) {
                Files.deleteIfExists(file(old));
            }
        }
    }

    public synchronized int size() {
        return pending.size();
    }

    /** Payload bytes pending (the framing not counted). */
    public synchronized long bytes() {
        return pendingBytes;
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        active.close();
    }

    private Path file(long s) {
        return dir.resolve(String.format("%020d.log", s));
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{20}\\.log"))
                    .map(n -> Long.parseLong(n.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }

    private long[] readAcked() throws IOException {
        Path file = dir.resolve(ACKED);
        if (!Files.exists(file)) {
            return null;
        }
        String[] parts = Files.readString(file).trim().split(" ");
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException unreadable) {
            LOG.warnf("Outbox %s: unreadable '%s' file, replaying every segment", dir, ACKED);
            return null;
        }
    }

    private void writeAcked(long s, long offset) throws IOException {
        Path tmp = dir.resolve(ACKED + ".tmp");
        Files.writeString(tmp, s + " " + offset + "\n");
        Files.move(
                tmp,
                dir.resolve(ACKED),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
