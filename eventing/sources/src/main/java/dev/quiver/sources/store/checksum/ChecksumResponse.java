package dev.quiver.sources.store.checksum;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/** Answers the verified checksum on success, as S3 does for PutObject and UploadPart. */
final class ChecksumResponse extends HttpServletResponseWrapper {
    private final String header;
    private final String value;

    ChecksumResponse(HttpServletResponse response, String header, String value) {
        super(response);
        this.header = header;
        this.value = value;
        response.setHeader(header, value);
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(status);
        super.setHeader(header, status < 300 ? value : null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        super.setHeader(header, null);
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        super.setHeader(header, null);
        super.sendError(status);
    }
}
