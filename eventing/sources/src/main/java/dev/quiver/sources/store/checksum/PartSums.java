package dev.quiver.sources.store.checksum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The verified checksums of the parts of open multipart uploads, and the object checksum an upload completes with,
 * in one small file per upload beside the store's buckets ({@code <data-dir>/.checksums/<upload id>.sums}; a dot
 * directory is never a bucket), so an upload survives a restart of the store. Lines are appended: {@code part <n>
 * <algorithm> <base64> <size>} (a part uploaded again: the last line counts) and {@code complete <metadata>}.
 */
public final class PartSums {

    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");

    private final Path dir;

    public PartSums(Path dir) {
        this.dir = dir;
    }

    /** Whether {@code text} can be an upload id (of the filesystem store: a UUID). */
    public static boolean isUploadId(String text) {
        return UPLOAD_ID.matcher(text).matches();
    }

    /** Records part {@code part.number()} of {@code uploadId}. */
    public synchronized void record(String uploadId, MultipartChecksums.Part part) {
        append(
                uploadId,
                "part " + part.number() + " " + part.algorithm().name() + " " + part.value() + " " + part.size());
    }

    /** The recorded parts of {@code uploadId} by number (none if it has none or is unknown). */
    public synchronized Map<Integer, MultipartChecksums.Part> parts(String uploadId) {
        Map<Integer, MultipartChecksums.Part> parts = new TreeMap<>();
        for (String line : lines(uploadId)) {
            String[] words = line.split(" ");
            if (words.length == 5 && words[0].equals("part")) {
                Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.named(words[2]);
                if (algorithm.isPresent()) {
                    int number = Integer.parseInt(words[1]);
                    parts.put(
                            number,
                            new MultipartChecksums.Part(number, algorithm.get(), words[3], Long.parseLong(words[4])));
                }
            }
        }
        return parts;
    }

    /** Records the checksum {@code uploadId} completes with (the store reads it back in {@link #completed}). */
    public synchronized void complete(String uploadId, StoredChecksum checksum) {
        append(uploadId, "complete " + checksum.metadata());
    }

    /** The checksum recorded by {@link #complete}, if any. */
    public synchronized Optional<StoredChecksum> completed(String uploadId) {
        Optional<StoredChecksum> last = Optional.empty();
        for (String line : lines(uploadId)) {
            if (line.startsWith("complete ")) {
                last = StoredChecksum.parse(line.substring("complete ".length()));
            }
        }
        return last;
    }

    /** Forgets {@code uploadId} (completed or aborted). */
    public synchronized void remove(String uploadId) {
        try {
            Files.deleteIfExists(file(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String uploadId, String line) {
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    file(uploadId),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String uploadId) {
        try {
            return Files.readAllLines(file(uploadId), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
        return dir.resolve(uploadId + ".sums");
    }
}
