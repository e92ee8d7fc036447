package dev.quiver.examples.hello;

import io.quarkus.funqy.Funq;

/**
 * The {@code hello} function: {@code {"name": "Ada"}} in, {@code {"message": "Hello Ada!"}} out. Plain JSON callers
 * get JSON; CloudEvent callers get a {@code dev.quiver.hello.greeting} event (see application.properties).
 */
public class HelloFunction {

    public record Person(String name) {}

    public record Greeting(String message) {}

    private final Greeter greeter = new Greeter();

    @Funq
    public Greeting hello(Person person) {
        return new Greeting(greeter.greet(person == null ? null : person.name()));
    }
}
