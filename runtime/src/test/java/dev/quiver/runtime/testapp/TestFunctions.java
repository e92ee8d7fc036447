package dev.quiver.runtime.testapp;

import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Functions the runtime's tests call over real HTTP. */
public class TestFunctions {

    public record Person(String name) {}

    public record Greeting(String message) {}

    public record Nap(long millis) {}

    private static final AtomicInteger GREETINGS = new AtomicInteger();
    private static final AtomicInteger SHOUTS = new AtomicInteger();

    public static int shouts() {
        return SHOUTS.get();
    }

    private static volatile CountDownLatch gate = new CountDownLatch(0);

    /** Makes {@code hold} calls wait until {@link #openGate()}. */
    public static void closeGate() {
        gate = new CountDownLatch(1);
    }

    public static void openGate() {
        gate.countDown();
    }

    public static int greetings() {
        return GREETINGS.get();
    }

    @Funq
    public Greeting greet(Person person) {
        GREETINGS.incrementAndGet();
        return new Greeting("Hello " + person.name() + "!");
    }

    @Funq
    public Nap nap(Nap nap) throws InterruptedException {
        Thread.sleep(nap.millis());
        return nap;
    }

    /** Returns once the test opens the gate (at most 30 s): a request that stays in flight as long as a test needs. */
    @Funq
    public Nap hold(Nap nap) throws InterruptedException {
        gate.await(30, TimeUnit.SECONDS);
        return nap;
    }

    @Funq
    public Greeting boom(Person person) {
        throw new IllegalStateException("cannot greet " + person.name());
    }

    @Funq
    public CloudEvent<Greeting> shout(CloudEvent<Person> in) {
        SHOUTS.incrementAndGet();
        return CloudEventBuilder.create()
                .type("dev.quiver.test.shouted")
                .source("/tests/shout")
                .subject(in.data().name())
                .extensions(Map.of("traceparent", "00-abc-def-01", "quiverrun", "42"))
                .build(new Greeting(in.data().name().toUpperCase() + "!"));
    }
}
