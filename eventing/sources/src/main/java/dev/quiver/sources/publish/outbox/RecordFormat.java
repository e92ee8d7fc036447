package dev.quiver.sources.publish.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * How one outbox record is framed on disk: a 4-byte big-endian payload length, the payload's 4-byte CRC-32C, then
 * the payload. An empty payload is never written, so a run of zeros (what a crash can leave) is not a record.
 */
final class RecordFormat {

    static final int HEADER = 8;
    /** Longer is taken for garbage: an event is at most the broker's limit, far below. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private RecordFormat() {}

    static ByteBuffer frame(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "an outbox record holds 1.." + MAX_PAYLOAD + " bytes, but was " + payload.length);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        return frame;
    }

    /**
     * The payload length of the record at {@code position}, or -1 when there is no whole, intact record there (it
     * runs past {@code size}, its length is impossible, or its checksum does not match).
     */
    static int validLength(FileChannel channel, long position, long size) throws IOException {
        if (size - position < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, position);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length <= 0 || length > MAX_PAYLOAD || size - position - HEADER < length) {
            return -1;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, position + HEADER);
        return crc(payload.array()) == crc ? length : -1;
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, at + into.position()) < 0) {
                throw new IOException("unexpected end of " + channel);
            }
        }
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }
}
