package dev.quiver.control.route;

/**
 * Port: "a request for this function is waiting and no instance can take it: decide now". Locally the loop's
 * in-process poke; on Kubernetes a POST to the controller.
 */
public interface Poker {
    void poke(FunctionRef function);
}
