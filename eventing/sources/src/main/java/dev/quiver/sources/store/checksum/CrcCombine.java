package dev.quiver.sources.store.checksum;

/**
 * The CRC of two byte sequences put together from the CRCs of each and the length of the second (zlib's
 * {@code crc32_combine}, GF(2) matrices), for the reflected CRCs S3 uses (initial value and final XOR all ones). This
 * is how a FULL_OBJECT checksum of a multipart upload comes from its parts' checksums without reading the object.
 */
final class CrcCombine {

    private CrcCombine() {}

    /**
     * @param poly the reflected polynomial ({@code 0xEDB88320} for CRC32)
     * @param width the CRC's width in bits (32 or 64)
     */
    static long combine(long crc1, long crc2, long length2, long poly, int width) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = poly; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long len = length2;
        do {
            square(even, odd); // one zero byte, then 4, 16...
            if ((len & 1) != 0) {
                crc1 = times(even, crc1);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc1 = times(odd, crc1);
            }
            len >>>= 1;
        } while (len != 0);
        return crc1 ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < matrix.length; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
