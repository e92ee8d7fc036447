package dev.quiver.sources.store.checksum;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Locale;

/**
 * Every answer of the store as clients see it: the store's own user metadata ({@code x-amz-meta-quiver-*}) never
 * shows, and when the request asked for checksums ({@code x-amz-checksum-mode: ENABLED} on a GET or HEAD of a whole
 * object) the stored checksum is answered as {@code x-amz-checksum-<algorithm>} and {@code x-amz-checksum-type}.
 */
final class ChecksumHeaders extends HttpServletResponseWrapper {

    static final String TYPE_HEADER = "x-amz-checksum-type";

    private final boolean answerChecksum;

    ChecksumHeaders(HttpServletResponse response, boolean answerChecksum) {
        super(response);
        this.answerChecksum = answerChecksum;
    }

    @Override
    public void setHeader(String name, String value) {
        if (!reserved(name, value)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!reserved(name, value)) {
            super.addHeader(name, value);
        }
    }

    private boolean reserved(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(StoredChecksum.RESERVED_HEADER_PREFIX)) {
            return false;
        }
        if (answerChecksum && lower.equals(StoredChecksum.METADATA_HEADER)) {
            StoredChecksum.parse(value).filter(sum -> sum.value() != null).ifPresent(sum -> {
                super.setHeader(sum.algorithm().header(), sum.value());
                super.setHeader(TYPE_HEADER, sum.type().name());
            });
        }
        return true;
    }
}
