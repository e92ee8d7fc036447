package dev.quiver.sources.store.checksum;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request as s3proxy gets it after the checksum front: without the headers it does not know (it answers
 * NotImplemented to them), with replaced header values (the decoded length of an aws-chunked body) and the verified
 * body.
 */
final class StoreRequest extends HttpServletRequestWrapper {

    private final Set<String> hidden;
    private final Map<String, String> replaced;
    private final InputStream body;

    /**
     * @param hidden lower-case names of headers removed
     * @param replaced lower-case names of headers with a new value
     * @param body the body, or null to keep the request's own
     */
    StoreRequest(HttpServletRequest request, Set<String> hidden, Map<String, String> replaced, InputStream body) {
        super(request);
        this.hidden = hidden;
        this.replaced = replaced;
        this.body = body;
    }

    private boolean isHidden(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return hidden.contains(lower)
                || (lower.startsWith(ChecksumAlgorithm.HEADER_PREFIX) && hidden.contains("x-amz-checksum-*"));
    }

    @Override
    public String getHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (replaced.containsKey(lower)) {
            return replaced.get(lower);
        }
        return isHidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if (value == null) {
            return Collections.emptyEnumeration();
        }
        return replaced.containsKey(name.toLowerCase(Locale.ROOT))
                ? Collections.enumeration(List.of(value))
                : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()).stream()
                .filter(n -> !isHidden(n) && !replaced.containsKey(n.toLowerCase(Locale.ROOT)))
                .toList());
        replaced.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        return getHeader(name) == null ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getContentLengthLong() {
        String value = getHeader("content-length");
        return value == null ? -1 : Long.parseLong(value);
    }

    @Override
    public int getContentLength() {
        long length = getContentLengthLong();
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = body.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = body.read(b, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the store reads uploads blocking");
            }
        };
    }
}
