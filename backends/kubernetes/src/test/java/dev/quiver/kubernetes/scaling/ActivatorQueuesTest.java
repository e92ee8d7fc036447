package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.quiver.api.activator.ActivatorLoad;
import dev.quiver.api.activator.ActivatorLoad.FunctionLoad;
import dev.quiver.control.route.FunctionRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The activators' held requests, read from each activator pod's load report over real HTTP and summed. */
class ActivatorQueuesTest {
    final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    Pod activator(ActivatorLoad load) throws IOException {
        byte[] body = new ObjectMapper().writeValueAsBytes(load);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ActivatorLoad.PATH, ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        servers.add(server);
        return pod("act-" + servers.size(), "127.0.0.1", server.getAddress().getPort());
    }

    static Pod pod(String name, String ip, int port) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("activator")
                .addNewPort()
                .withName("http")
                .withContainerPort(8012)
                .endPort()
                .addNewPort()
                .withName("admin")
                .withContainerPort(port)
                .endPort()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPodIP(ip)
                .endStatus()
                .build();
    }

    @Test
    void theRequestsEveryActivatorHoldsAreSummedPerFunction() throws Exception {
        List<Pod> pods = List.of(
                activator(new ActivatorLoad(
                        List.of(new FunctionLoad("team-a", "hello", 3, 7), new FunctionLoad("team-b", "hello", 1, 0)))),
                activator(new ActivatorLoad(List.of(new FunctionLoad("team-a", "hello", 2, 1)))),
                pod("act-without-ip", null, 8080));
        ActivatorQueues queues =
                new ActivatorQueues(() -> pods, Duration.ofSeconds(2), Duration.ofSeconds(1), Clock.systemUTC());

        queues.refresh().get(10, TimeUnit.SECONDS);

        assertThat(queues.queued(new FunctionRef("team-a", "hello")))
                .as("3 + 2, in flight not counted")
                .isEqualTo(5);
        assertThat(queues.queued(new FunctionRef("team-b", "hello"))).isEqualTo(1);
        assertThat(queues.queued(new FunctionRef("team-c", "hello"))).isZero();
    }

    @Test
    void anActivatorThatDoesNotAnswerCountsNothingAndTheReadingNeverBlocks() throws Exception {
        ActivatorQueues queues = new ActivatorQueues(
                () -> List.of(pod("gone", "127.0.0.1", 1)),
                Duration.ofMillis(300),
                Duration.ofSeconds(1),
                Clock.systemUTC());

        assertThat(queues.queued(new FunctionRef("ns", "f")))
                .as("answers from the last reading at once")
                .isZero();
        queues.refresh().get(10, TimeUnit.SECONDS);
        assertThat(queues.queued(new FunctionRef("ns", "f"))).isZero();
    }

    @Test
    void theLoadIsReadOnTheContainerPortNamedAdminElse8080() {
        assertThat(ActivatorQueues.loadPort(pod("a", "10.0.0.1", 9090))).isEqualTo(9090);
        assertThat(ActivatorQueues.loadPort(new PodBuilder()
                        .withNewMetadata()
                        .withName("b")
                        .endMetadata()
                        .build()))
                .isEqualTo(8080);
    }
}
