package dev.quiver.local.activator;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;

/**
 * The activator's {@link Poker} on the local backend: the loop, in process. The activator is made before the loop
 * (the loop reads the activator's held requests), so the loop is attached once it exists; a poke before that is
 * dropped, which is harmless (the activator pokes again every poke interval while requests wait).
 */
public final class LoopPoker implements Poker {
    private volatile Poker loop = function -> {};

    public void attach(Poker loop) {
        this.loop = loop;
    }

    @Override
    public void poke(FunctionRef function) {
        loop.poke(function);
    }
}
