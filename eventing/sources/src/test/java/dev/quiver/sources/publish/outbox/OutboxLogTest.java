package dev.quiver.sources.publish.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxLogTest {

    @TempDir
    Path dir;

    @Test
    void appendedRecordsAreReplayedInOrderAfterAReopen() throws IOException {
        try (OutboxLog log = OutboxLog.open(dir)) {
            for (String r : List.of("a", "bb", "ccc")) {
                log.append(utf8(r));
            }
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.bytes()).isEqualTo(6);
        }
        try (OutboxLog reopened = OutboxLog.open(dir)) {
            assertThat(drain(reopened)).containsExactly("a", "bb", "ccc");
        }
    }

    @Test
    void anAppendIsInTheFileWhenItReturns() throws IOException {
        try (OutboxLog log = OutboxLog.open(dir)) {
            log.append(utf8("durable"));
            // read back by another channel, as a process restarted after a SIGKILL would
            assertThat(segmentBytes()).containsSequence(utf8("durable"));
        }
    }

    @Test
    void removedRecordsAreNotReplayedAfterAReopen() throws IOException {
        try (OutboxLog log = OutboxLog.open(dir)) {
            log.append(utf8("first"));
            log.append(utf8("second"));
            log.append(utf8("third"));
            log.removeHead();
        }
        try (OutboxLog reopened = OutboxLog.open(dir)) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(reopened.bytes()).isEqualTo("second".length() + "third".length());
            assertThat(drain(reopened)).containsExactly("second", "third");
        }
        try (OutboxLog again = OutboxLog.open(dir)) {
            assertThat(again.isEmpty()).isTrue();
        }
    }

    /** What a crash can leave after the last whole record: each is cut off, the records before it survive. */
    static Stream<Arguments> tornTails() {
        return Stream.of(
                Arguments.of("half a header", (Tail) (whole, last) -> bytes(0, 0)),
                Arguments.of("header without its payload", (Tail) (whole, last) -> slice(last, 0, 8)),
                Arguments.of("payload cut short", (Tail) (whole, last) -> slice(last, 0, last.length - 3)),
                Arguments.of("zeros (pre-allocated, never written)", (Tail) (whole, last) -> new byte[64]),
                Arguments.of("wrong checksum", (Tail) (whole, last) -> {
                    byte[] bad = last.clone();
                    bad[bad.length - 1] ^= 1;
                    return bad;
                }),
                Arguments.of(
                        "impossible length", (Tail) (whole, last) -> bytes(0x7f, 0x7f, 0x7f, 0x7f, 0, 0, 0, 0, 1)));
    }

    /** The bytes a crash left after the whole records, given the framing of a record it was writing. */
    interface Tail {
        byte[] bytes(byte[] whole, byte[] lastRecordFrame);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tornTails")
    void aTornLastRecordIsCutOffAndTheRestReplayed(String label, Tail tail) throws IOException {
        try (OutboxLog log = OutboxLog.open(dir)) {
            log.append(utf8("kept-1"));
            log.append(utf8("kept-2"));
        }
        Path segment = onlySegment();
        byte[] whole = Files.readAllBytes(segment);
        byte[] frame = RecordFormat.frame(utf8("torn-record")).array();
        Files.write(segment, tail.bytes(whole, frame), StandardOpenOption.APPEND);

        try (OutboxLog reopened = OutboxLog.open(dir)) {
            assertThat(Files.size(segment)).isEqualTo(whole.length);
            reopened.append(utf8("after"));
        }
        try (OutboxLog again = OutboxLog.open(dir)) {
            assertThat(drain(again)).containsExactly("kept-1", "kept-2", "after");
        }
    }

    @Test
    void aDrainedOutboxKeepsNoRecordsOnDisk() throws IOException {
        try (OutboxLog log = OutboxLog.open(dir, 64)) {
            for (int i = 0; i < 20; i++) {
                log.append(utf8("event-" + i));
            }
            assertThat(segments()).hasSizeGreaterThan(1);
            drain(log);
            assertThat(segments()).hasSize(1);
            assertThat(Files.size(onlySegment())).isZero();
        }
    }

    @Test
    void recordsSpreadOverSegmentsAreReplayedInOrderAndSegmentsFreedAsTheyEmpty() throws IOException {
        List<String> written = new ArrayList<>();
        try (OutboxLog log = OutboxLog.open(dir, 64)) {
            for (int i = 0; i < 20; i++) {
                written.add("event-" + i);
                log.append(utf8("event-" + i));
            }
            int before = segments().size();
            for (int i = 0; i < 10; i++) {
                log.removeHead();
            }
            assertThat(segments().size()).isLessThan(before);
        }
        try (OutboxLog reopened = OutboxLog.open(dir, 64)) {
            assertThat(drain(reopened)).containsExactlyElementsOf(written.subList(10, 20));
        }
    }

    private static List<String> drain(OutboxLog log) throws IOException {
        List<String> out = new ArrayList<>();
        for (var head = log.head(); head.isPresent(); head = log.head()) {
            out.add(new String(head.get(), StandardCharsets.UTF_8));
            log.removeHead();
        }
        return out;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private byte[] segmentBytes() throws IOException {
        try (FileChannel channel = FileChannel.open(onlySegment(), StandardOpenOption.READ)) {
            ByteBuffer all = ByteBuffer.allocate((int) channel.size());
            channel.read(all, 0);
            return all.array();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
