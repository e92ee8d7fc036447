package dev.quiver.sources.store.checksum;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME (the {@code x-amz-checksum-crc64nvme} algorithm): reflected polynomial 0x9A6C9329AC4BC9B5, initial value
 * and final XOR all ones. The JDK has CRC32 and CRC32C only; this is the byte-wise table form.
 */
public final class Crc64Nvme implements Checksum {

    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(int) ((c ^ b[i]) & 0xFF)] ^ (c >>> 8);
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
