package dev.quiver.sources.store.checksum;

import dev.quiver.sources.store.checksum.MultipartChecksums.Part;
import dev.quiver.sources.store.checksum.StoredChecksum.Type;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CompleteMultipartUpload's checksums, decided before s3proxy completes the upload: each part checksum the client
 * lists must be the one the part was uploaded with (else InvalidPart, as S3 answers), and the object's checksum is
 * worked out from the parts' ({@link MultipartChecksums}) with the upload's plan (algorithm and type given on
 * CreateMultipartUpload; without one, the algorithm the parts were sent with and its default type). A full-object
 * checksum the client sends with the request must match it (else BadDigest).
 */
final class MultipartCompletion {

    private MultipartCompletion() {}

    /** A part as the request lists it. */
    record Listed(int number, String etag, Optional<ChecksumAlgorithm> algorithm, String value) {}

    /**
     * The body as s3proxy 2.6 reads it: part numbers and ETags only (it refuses a {@code ChecksumCRC64NVME} element,
     * and the checksums were checked here).
     */
    static byte[] forStore(List<Listed> parts) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>");
        for (Listed part : parts) {
            xml.append("<Part><PartNumber>").append(part.number()).append("</PartNumber>");
            if (part.etag() != null) {
                xml.append("<ETag>")
                        .append(part.etag()
                                .replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace(">", "&gt;"))
                        .append("</ETag>");
            }
            xml.append("</Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The checksum the upload completes with, if it has one.
     *
     * @param listed the parts of the request's body, in its order
     * @param recorded the parts' checksums recorded at upload, by number
     * @param plan the upload's plan, if it was created with a checksum algorithm
     * @param header the request's headers, for a full-object checksum sent with it
     */
    static Optional<StoredChecksum> decide(
            List<Listed> listed,
            Map<Integer, Part> recorded,
            Optional<StoredChecksum> plan,
            Function<String, String> header)
            throws S3Error {
        for (Listed part : listed) {
            if (part.algorithm().isEmpty()) {
                continue;
            }
            Part uploaded = recorded.get(part.number());
            if (uploaded == null
                    || uploaded.algorithm() != part.algorithm().get()
                    || !uploaded.value().equals(part.value())) {
                throw new S3Error(
                        400,
                        "InvalidPart",
                        "One or more of the specified parts could not be found. The part may not have been uploaded,"
                                + " or the specified checksum ("
                                + part.algorithm().get().name() + " of part "
                                + part.number() + ") may not have matched the part's checksum.");
            }
        }
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        for (Listed part : listed) {
            Part uploaded = recorded.get(part.number());
            if (uploaded == null) {
                return Optional.empty(); // a part sent without a checksum: the object has none
            }
            parts.add(uploaded);
        }
        ChecksumAlgorithm algorithm =
                plan.map(StoredChecksum::algorithm).orElse(parts.get(0).algorithm());
        if (parts.stream().anyMatch(p -> p.algorithm() != algorithm)) {
            return Optional.empty();
        }
        Type type = MultipartChecksums.type(
                algorithm, plan.map(StoredChecksum::type).orElse(null));
        StoredChecksum sum = MultipartChecksums.combine(algorithm, type, parts);
        String sent = header.apply(algorithm.header());
        if (sent != null && !sent.trim().equals(sum.value())) {
            throw S3Error.badDigest(algorithm);
        }
        return Optional.of(sum);
    }

    /** The parts listed in a CompleteMultipartUpload body. */
    static List<Listed> parse(byte[] xml) throws S3Error {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml))
                    .getDocumentElement()
                    .getElementsByTagNameNS("*", "Part");
            List<Listed> parts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                parts.add(listed((Element) nodes.item(i)));
            }
            return parts;
        } catch (S3Error e) {
            throw e;
        } catch (Exception e) {
            throw new S3Error(
                    400,
                    "MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published schema.");
        }
    }

    private static Listed listed(Element part) throws S3Error {
        Integer number = null;
        String etag = null;
        ChecksumAlgorithm algorithm = null;
        String value = null;
        for (Node child = part.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            String text = element.getTextContent().trim();
            if (name.equals("PartNumber")) {
                number = Integer.valueOf(text);
            } else if (name.equals("ETag")) {
                etag = text;
            } else if (name.startsWith("Checksum")
                    && ChecksumAlgorithm.named(name.substring(8)).isPresent()) {
                algorithm = ChecksumAlgorithm.named(name.substring(8)).get();
                value = text;
            }
        }
        if (number == null) {
            throw new S3Error(400, "MalformedXML", "A Part without a PartNumber.");
        }
        return new Listed(number, etag, Optional.ofNullable(algorithm), value);
    }
}
