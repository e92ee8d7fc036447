package dev.quiver.control.activator.routing;

import dev.quiver.control.route.FunctionRef;
import java.util.Optional;

/**
 * A function's direct address: every request is for that function (its traffic split applies), its path and query
 * forwarded as they came, whatever its Host header says.
 */
public record FixedRouter(FunctionRef function) implements RequestRouter {
    @Override
    public Optional<Target> route(String host, String uri) {
        return Optional.of(new Target(function, uri));
    }

    @Override
    public String hint() {
        return "this address serves only " + function;
    }
}
