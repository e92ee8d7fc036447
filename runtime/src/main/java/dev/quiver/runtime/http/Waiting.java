package dev.quiver.runtime.http;

import io.vertx.core.Context;

/** A request waiting for a concurrency slot, with the event loop it must resume on. */
record Waiting(Context eventLoop, RequestCompletion completion) {

    void dispatch() {
        eventLoop.runOnContext(ignored -> completion.dispatched());
    }
}
