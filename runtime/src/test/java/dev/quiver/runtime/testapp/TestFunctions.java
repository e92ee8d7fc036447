package dev.quiver.runtime.testapp;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;

/** Functions the runtime's tests call over real HTTP. */
public class TestFunctions {

    public record Person(String name) {
    }

    public record Greeting(String message) {
    }

    public record Nap(long millis) {
    }

    private static final AtomicInteger GREETINGS = new AtomicInteger();

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

    @Funq
    public Greeting boom(Person person) {
        throw new IllegalStateException("cannot greet " + person.name());
    }

    @Funq
    public CloudEvent<Greeting> shout(CloudEvent<Person> in) {
        return CloudEventBuilder.create()
                .type("dev.quiver.test.shouted")
                .source("/tests/shout")
                .subject(in.data().name())
                .extensions(Map.of("traceparent", "00-abc-def-01", "quiverrun", "42"))
                .build(new Greeting(in.data().name().toUpperCase() + "!"));
    }
}
