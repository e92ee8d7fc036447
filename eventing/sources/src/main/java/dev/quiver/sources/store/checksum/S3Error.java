package dev.quiver.sources.store.checksum;

/** A request refused before it reaches the store, answered as S3 answers it (status, error code, message). */
public final class S3Error extends Exception {

    private final int status;
    private final String code;

    public S3Error(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static S3Error badDigest(ChecksumAlgorithm algorithm) {
        return new S3Error(
                400, "BadDigest", "The " + algorithm.name() + " you specified did not match the calculated checksum.");
    }

    public static S3Error invalidRequest(String message) {
        return new S3Error(400, "InvalidRequest", message);
    }

    public static S3Error incompleteBody(String message) {
        return new S3Error(400, "IncompleteBody", message);
    }

    /** S3's answer when a client must slow down; the AWS SDKs and CLI retry it with backoff. */
    public static S3Error slowDown(String message) {
        return new S3Error(503, "SlowDown", message);
    }

    public static S3Error signatureDoesNotMatch(String message) {
        return new S3Error(403, "SignatureDoesNotMatch", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The S3 error document. */
    public String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(getMessage()) + "</Message></Error>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
