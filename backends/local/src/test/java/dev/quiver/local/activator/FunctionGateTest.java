package dev.quiver.local.activator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionGateTest {
    /** Records where it was dispatched. */
    static final class Call implements FunctionGate.Waiter {
        final String name;
        final List<String> log;

        Call(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void dispatch(Endpoint e) {
            log.add(name + "->" + e.id());
        }

        @Override
        public void abandon() {
            log.add(name + " abandoned");
        }
    }

    final List<String> log = new ArrayList<>();
    final AtomicInteger pokes = new AtomicInteger();

    FunctionGate gate(int queueSize, int limit) {
        FunctionGate g = new FunctionGate("f", queueSize, limit);
        g.onPoke(pokes::incrementAndGet);
        return g;
    }

    @Test
    void atZeroRequestsWaitPokeOnceAndGoOutInOrderWhenAnInstanceIsReady() {
        FunctionGate g = gate(10, 0);

        assertThat(g.tryAcquire()).isNull();
        g.enqueue(new Call("a", log));
        g.enqueue(new Call("b", log));
        assertThat(pokes).hasValue(1);
        assertThat(g.queued()).isEqualTo(2);

        g.update(List.of(new Endpoint("i1", "h", 1)), 0);

        assertThat(log).containsExactly("a->i1", "b->i1");
        assertThat(g.queued()).isZero();
    }

    @Test
    void theNextPokeNeedsTheFirstHandled() {
        FunctionGate g = gate(10, 0);
        g.enqueue(new Call("a", log));
        g.pokeHandled();
        g.enqueue(new Call("b", log));

        assertThat(pokes).hasValue(2);
    }

    @Test
    void aFullQueueRefuses() {
        FunctionGate g = gate(2, 0);

        assertThat(List.of(g.enqueue(new Call("a", log)), g.enqueue(new Call("b", log)), g.enqueue(new Call("c", log))))
                .containsExactly(FunctionGate.Enqueued.OK, FunctionGate.Enqueued.OK, FunctionGate.Enqueued.FULL);
    }

    @Test
    void atTheLimitRequestsWaitForAReleasedSlot() {
        FunctionGate g = gate(10, 1);
        Endpoint e = new Endpoint("i1", "h", 1);
        g.update(List.of(e), 1);
        Endpoint taken = g.tryAcquire();
        assertThat(taken).isSameAs(e);

        g.enqueue(new Call("a", log));
        assertThat(log).isEmpty();
        assertThat(pokes).hasValue(0);
        assertThat(g.tryAcquire()).as("arrivals queue behind waiting requests").isNull();

        g.release(taken);

        assertThat(log).containsExactly("a->i1");
        assertThat(e.inFlight()).isEqualTo(1);
    }

    @Test
    void aRemovedWaiterIsNotDispatched() {
        FunctionGate g = gate(10, 0);
        Call a = new Call("a", log);
        g.enqueue(a);

        assertThat(g.remove(a)).isTrue();
        g.update(List.of(new Endpoint("i1", "h", 1)), 0);

        assertThat(log).isEmpty();
        assertThat(g.remove(a)).isFalse();
    }

    @Test
    void closingAbandonsTheWaitingAndRefusesNewOnes() {
        FunctionGate g = gate(10, 0);
        g.enqueue(new Call("a", log));

        g.close();

        assertThat(log).containsExactly("a abandoned");
        assertThat(g.enqueue(new Call("b", log))).isEqualTo(FunctionGate.Enqueued.CLOSED);
    }
}
