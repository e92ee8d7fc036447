package dev.quiver.control.activator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.activator.balance.Slot;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionQueueTest {
    static final Endpoint I1 = new Endpoint("i1", "h", 1);
    static final Endpoint I2 = new Endpoint("i2", "h", 2);
    static final long SECOND = 1_000_000_000L;

    /** Records where it was dispatched. */
    record Call(String name, List<String> log) implements FunctionQueue.Waiter {
        @Override
        public void dispatch(Slot s) {
            log.add(name + "->" + s.endpoint().id());
        }

        @Override
        public void abandon() {
            log.add(name + " abandoned");
        }
    }

    final List<String> log = new ArrayList<>();

    FunctionQueue queue(int size, int limit, Endpoint... ready) {
        return new FunctionQueue(FunctionRef.local("f"), size, new Routing(List.of(ready), limit));
    }

    @Test
    void atZeroRequestsWaitAndGoOutInOrderWhenAnInstanceIsReady() {
        FunctionQueue q = queue(10, 0);

        assertThat(q.tryAcquire(0)).isNull();
        q.enqueue(new Call("a", log));
        q.enqueue(new Call("b", log));
        assertThat(q.queued()).isEqualTo(2);

        q.update(new Routing(List.of(I1), 0), 5);

        assertThat(log).containsExactly("a->i1", "b->i1");
        assertThat(q.queued()).isZero();
        assertThat(q.inFlight()).isEqualTo(2);
        assertThat(q.slots().get(0).readySinceNanos())
                .as("became ready at the update")
                .isEqualTo(5);
    }

    /** A waiter holding a read body of {@code bytes}. */
    record Heavy(String name, long bytes, List<String> log) implements FunctionQueue.Waiter {
        @Override
        public void dispatch(Slot s) {
            log.add(name + "->" + s.endpoint().id());
        }

        @Override
        public void abandon() {
            log.add(name + " abandoned");
        }

        @Override
        public long heldBytes() {
            return bytes;
        }
    }

    @Test
    void aWaiterWhoseBodyWouldPassTheQueuedBytesCapIsRefusedAndStreamedOnesStillWait() {
        FunctionQueue q = new FunctionQueue(FunctionRef.local("f"), 10, 1500, Routing.none(0));

        assertThat(q.enqueue(new Heavy("a", 1000, log))).isEqualTo(FunctionQueue.Enqueued.OK);
        assertThat(q.enqueue(new Heavy("b", 1000, log))).isEqualTo(FunctionQueue.Enqueued.TOO_MANY_BYTES);
        assertThat(q.enqueue(new Call("streamed", log))).isEqualTo(FunctionQueue.Enqueued.OK);
        assertThat(q.enqueue(new Heavy("c", 500, log))).isEqualTo(FunctionQueue.Enqueued.OK);

        assertThat(q.queued()).isEqualTo(3);
        assertThat(q.queuedBytes()).isEqualTo(1500);
    }

    @Test
    void queuedBytesAreFreedWhenAWaiterIsRemovedOrDispatched() {
        FunctionQueue q = new FunctionQueue(FunctionRef.local("f"), 10, 1500, Routing.none(0));
        Heavy a = new Heavy("a", 1000, log);
        q.enqueue(a);
        q.enqueue(new Heavy("b", 400, log));

        assertThat(q.remove(a)).isTrue();
        assertThat(q.queuedBytes()).isEqualTo(400);
        assertThat(q.remove(a)).as("removed once").isFalse();
        assertThat(q.queuedBytes()).isEqualTo(400);

        q.update(new Routing(List.of(I1), 0), 5);
        assertThat(log).containsExactly("b->i1");
        assertThat(q.queuedBytes()).isZero();
        assertThat(q.enqueue(new Heavy("c", 1500, log))).isEqualTo(FunctionQueue.Enqueued.OK);
    }

    @Test
    void endpointsListedAtTheStartCountAsReadyBeforeAnyRequest() {
        assertThat(queue(10, 0, I1).slots().get(0).readySinceNanos()).isEqualTo(-1);
    }

    @Test
    void aPokeIsDueOncePerIntervalWhileRequestsWaitAtZero() {
        FunctionQueue q = queue(10, 0);
        assertThat(q.pokeDue(0, SECOND)).as("nothing waits").isFalse();
        q.enqueue(new Call("a", log));

        assertThat(q.pokeDue(0, SECOND)).isTrue();
        assertThat(q.pokeDue(SECOND / 2, SECOND)).isFalse();
        assertThat(q.pokeDue(SECOND, SECOND)).isTrue();
    }

    @Test
    void aPokeIsNotDueWhenAnEndpointIsReadyButBusyAndDueAtOnceAfterItGoes() {
        FunctionQueue q = queue(10, 1, I1);
        Slot taken = q.tryAcquire(0);
        q.enqueue(new Call("a", log));
        assertThat(q.pokeDue(0, SECOND)).isFalse();

        q.update(Routing.none(1), 1);
        assertThat(q.pokeDue(2, SECOND)).isTrue();
        assertThat(taken).isNotNull();
    }

    @Test
    void aFullQueueRefuses() {
        FunctionQueue q = queue(2, 0);

        assertThat(List.of(q.enqueue(new Call("a", log)), q.enqueue(new Call("b", log)), q.enqueue(new Call("c", log))))
                .containsExactly(FunctionQueue.Enqueued.OK, FunctionQueue.Enqueued.OK, FunctionQueue.Enqueued.FULL);
    }

    @Test
    void atTheLimitRequestsWaitForAReleasedSlotAndArrivalsQueueBehindThem() {
        FunctionQueue q = queue(10, 1, I1);
        Slot taken = q.tryAcquire(0);
        assertThat(taken.endpoint()).isEqualTo(I1);

        q.enqueue(new Call("a", log));
        assertThat(log).isEmpty();
        assertThat(q.tryAcquire(0)).as("arrivals queue behind waiting requests").isNull();

        q.release(taken);

        assertThat(log).containsExactly("a->i1");
        assertThat(q.inFlight(I1)).isEqualTo(1);
    }

    @Test
    void anUpdateKeepsTheCountsOfEndpointsThatStay() {
        FunctionQueue q = queue(10, 0, I1);
        q.tryAcquire(0);

        q.update(new Routing(List.of(I1, I2), 0), 1);

        assertThat(q.inFlight(I1)).isEqualTo(1);
        assertThat(q.inFlight(I2)).isZero();
        assertThat(q.tryAcquire(1).endpoint()).isEqualTo(I2);
    }

    @Test
    void aNewEndpointIsReadySinceItsBackendSaysElseSinceNow() {
        long nowNanos = 50_000_000_000L;
        long nowMillis = 1_700_000_000_000L;
        Endpoint unknown = new Endpoint("u", "127.0.0.1", 1);
        Endpoint promoted = new Endpoint("p", "127.0.0.1", 2, java.time.Instant.ofEpochMilli(nowMillis - 5_000));
        Endpoint clockSkew = new Endpoint("s", "127.0.0.1", 3, java.time.Instant.ofEpochMilli(nowMillis + 1_000));

        assertThat(FunctionQueue.readySince(unknown, nowNanos, nowMillis)).isEqualTo(nowNanos);
        assertThat(FunctionQueue.readySince(promoted, nowNanos, nowMillis)).isEqualTo(nowNanos - 5_000_000_000L);
        assertThat(FunctionQueue.readySince(clockSkew, nowNanos, nowMillis)).isEqualTo(nowNanos);

        FunctionQueue q = queue(10, 0);
        q.update(new Routing(List.of(promoted), 0), nowNanos, nowMillis);
        assertThat(q.tryAcquire(nowNanos).readySinceNanos()).isEqualTo(nowNanos - 5_000_000_000L);
    }

    @Test
    void anEndpointThatLeavesKeepsCountingItsRequestsInFlightUntilTheyEnd() {
        FunctionQueue q = queue(10, 0, I1, I2);
        Slot taken = q.tryAcquire(0);
        Endpoint busy = taken.endpoint();

        q.update(new Routing(List.of(), 0), 1);

        assertThat(q.inFlight(busy)).isEqualTo(1);
        assertThat(q.inFlight(busy.id())).isEqualTo(1);
        assertThat(q.tryAcquire(2)).isNull();
        q.release(taken);
        assertThat(q.inFlight(busy)).isZero();
        q.update(new Routing(List.of(I2), 0), 3);
        assertThat(q.inFlight(busy)).isZero();
    }

    @Test
    void aRefusedEndpointIsNotReadyDuringItsCoolDown() {
        FunctionQueue q = queue(10, 0, I1);
        Slot s = q.tryAcquire(0);
        q.refused(s, 0, SECOND);
        q.release(s);

        assertThat(q.noneReady(1)).isTrue();
        assertThat(q.tryAcquire(1)).isNull();
        assertThat(q.noneReady(SECOND)).isFalse();
    }

    @Test
    void aRemovedWaiterIsNotDispatched() {
        FunctionQueue q = queue(10, 0);
        Call a = new Call("a", log);
        q.enqueue(a);

        assertThat(q.remove(a)).isTrue();
        q.update(new Routing(List.of(I1), 0), 1);

        assertThat(log).isEmpty();
        assertThat(q.remove(a)).isFalse();
    }

    @Test
    void closingAbandonsTheWaitingAndRefusesNewOnes() {
        FunctionQueue q = queue(10, 0);
        q.enqueue(new Call("a", log));

        q.close();

        assertThat(log).containsExactly("a abandoned");
        assertThat(q.enqueue(new Call("b", log))).isEqualTo(FunctionQueue.Enqueued.CLOSED);
    }
}
