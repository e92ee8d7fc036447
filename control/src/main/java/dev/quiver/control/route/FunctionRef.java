package dev.quiver.control.route;

import java.util.Objects;

/** A function as both backends name it: a namespace ({@code ""} on the local backend) and a name. */
public record FunctionRef(String namespace, String name) {
    public FunctionRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** A function of the local backend, which has no namespaces. */
    public static FunctionRef local(String name) {
        return new FunctionRef("", name);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
