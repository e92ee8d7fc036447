package dev.quiver.sources.store.checksum;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * CompleteMultipartUpload's answer with the object's checksum in its XML ({@code <ChecksumCRC32>} and
 * {@code <ChecksumType>} in {@code CompleteMultipartUploadResult}, as S3 writes them): s3proxy's XML is held back and
 * written out by {@link #finish()} with the two elements added. Anything else (an error) is written out unchanged.
 */
final class CompletionAnswer extends HttpServletResponseWrapper {

    private static final String END = "</CompleteMultipartUploadResult>";

    private final StoredChecksum checksum;
    private final StringWriter held = new StringWriter();
    private final PrintWriter writer = new PrintWriter(held);

    CompletionAnswer(HttpServletResponse response, StoredChecksum checksum) {
        super(response);
        this.checksum = checksum;
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public void flushBuffer() {
        writer.flush();
    }

    /** Writes the held answer to the client, with the checksum added to a successful one. */
    void finish() throws IOException {
        writer.flush();
        String xml = held.toString();
        if (xml.isEmpty()) {
            return;
        }
        int end = xml.lastIndexOf(END);
        if (end >= 0 && getStatus() < 300) {
            String element = "Checksum" + checksum.algorithm().name();
            xml = xml.substring(0, end) + "<" + element + ">" + checksum.value() + "</" + element + "><ChecksumType>"
                    + checksum.type().name() + "</ChecksumType>" + xml.substring(end);
        }
        PrintWriter out = getResponse().getWriter();
        out.write(xml);
        out.flush();
    }
}
