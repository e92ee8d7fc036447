package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxGuardTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("PutObject / UploadPart / CopyObject", "PUT", "/photos/cat.jpg", true),
                Arguments.of("PutObject with a nested key", "PUT", "/photos/2026/cat.jpg", true),
                Arguments.of("DeleteObject", "DELETE", "/photos/cat.jpg", true),
                Arguments.of("CompleteMultipartUpload", "POST", "/photos/big.bin", true),
                Arguments.of("DeleteObjects (POST ?delete)", "POST", "/photos", true),
                Arguments.of("CreateBucket", "PUT", "/photos", false),
                Arguments.of("CreateBucket with a trailing slash", "PUT", "/photos/", false),
                Arguments.of("DeleteBucket", "DELETE", "/photos", false),
                Arguments.of("GetObject", "GET", "/photos/cat.jpg", false),
                Arguments.of("HeadObject", "HEAD", "/photos/cat.jpg", false),
                Arguments.of("ListBuckets", "GET", "/", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void onlyRequestsThatCanMakeEventsAreSlowedDown(String label, String method, String path, boolean refused) {
        assertThat(OutboxGuard.makesEvents(method, path)).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "the outbox, /.outbox, true",
        "a file in the outbox, /.outbox/acked, true",
        "any dot directory, /.other/x, true",
        "a bucket, /photos/cat.jpg, false",
        "a key with a dot segment, /photos/.hidden, false",
        "the service, /, false"
    })
    void theOutboxAndOtherDotDirectoriesAreNoBuckets(String label, String path, boolean hidden) {
        assertThat(OutboxGuard.hidden(path)).isEqualTo(hidden);
    }
}
