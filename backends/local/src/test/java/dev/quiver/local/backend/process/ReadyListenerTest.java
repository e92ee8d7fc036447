package dev.quiver.local.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.ready.ReadySignal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadyListenerTest {

    @Test
    void aPushWithTheInstancesTokenCompletesItsReadinessWithItsPort() throws Exception {
        try (ReadyListener listener = new ReadyListener()) {
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            ReadySignal signal = listener.expect(ready::complete);

            write(listener.port(), signal.line(8123));

            assertThat(ready.get(10, TimeUnit.SECONDS)).isEqualTo(8123);
        }
    }

    @Test
    void aTokenIsAcceptedOnceAndUnknownOrMalformedLinesAreDropped() throws Exception {
        try (ReadyListener listener = new ReadyListener()) {
            int[] calls = {0};
            CompletableFuture<Integer> other = new CompletableFuture<>();
            ReadySignal signal = listener.expect(port -> calls[0]++);
            ReadySignal later = listener.expect(other::complete);

            write(listener.port(), "not-a-token 1\n".getBytes(StandardCharsets.US_ASCII));
            write(listener.port(), "garbage\n".getBytes(StandardCharsets.US_ASCII));
            write(listener.port(), signal.line(1));
            write(listener.port(), signal.line(2));
            // lines are handled in order: once `later` is through, the ones before it were too
            write(listener.port(), later.line(3));

            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(calls[0]).isEqualTo(1);
        }
    }

    @Test
    void aForgottenTokenIsNoLongerAccepted() throws Exception {
        try (ReadyListener listener = new ReadyListener()) {
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            CompletableFuture<Integer> marker = new CompletableFuture<>();
            ReadySignal signal = listener.expect(ready::complete);
            ReadySignal next = listener.expect(marker::complete);
            listener.forget(signal);

            write(listener.port(), signal.line(1));
            write(listener.port(), next.line(2));

            assertThat(marker.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(ready).isNotDone();
        }
    }

    private static void write(int port, byte[] line) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = s.getOutputStream()) {
            out.write(line);
        }
    }
}
