package dev.quiver.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.ready.ReadySignal;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadyPushTest {

    @Test
    void pushesTheTokenAndHttpPortToTheAddressInTheEnvironment() throws IOException {
        try (ServerSocket platform = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ReadySignal signal = ReadySignal.fresh("127.0.0.1", platform.getLocalPort());

            ReadyPush.send(signal.env(), 8123);

            try (Socket s = platform.accept();
                    InputStream in = s.getInputStream()) {
                String line = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(ReadySignal.Line.parse(line)).contains(new ReadySignal.Line(signal.token(), 8123));
            }
        }
    }

    @Test
    void withoutThePlatformsVariablesNothingIsSentAndNothingFails() {
        ReadyPush.send(Map.of(), 8123);
    }

    @Test
    void aPlatformThatIsGoneIsNotFatal() throws IOException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        ReadyPush.send(ReadySignal.fresh("127.0.0.1", port).env(), 8123);
    }
}
