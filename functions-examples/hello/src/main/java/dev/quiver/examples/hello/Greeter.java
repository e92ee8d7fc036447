package dev.quiver.examples.hello;

/** The domain logic, free of any framework: functions stay thin and delegate here. */
public class Greeter {

    public String greet(String name) {
        String who = name == null || name.isBlank() ? "world" : name.strip();
        return "Hello " + who + "!";
    }
}
