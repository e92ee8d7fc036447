package dev.quiver.local.loop;

import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.InstanceRunner;
import dev.quiver.local.backend.Purpose;
import dev.quiver.local.registry.FunctionDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Instances that are ready at once and stop when told (or "crash" when a test says so); no processes. */
final class FakeBackend implements InstanceRunner {
    final Map<String, Fake> running = new ConcurrentHashMap<>();
    final Map<String, Purpose> purposes = new ConcurrentHashMap<>();
    final Map<String, java.nio.file.Path> artifacts = new ConcurrentHashMap<>();

    static final class Fake implements InstanceHandle {
        private final String id;
        private final CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
        private final CompletableFuture<Integer> exited = new CompletableFuture<>();
        private volatile boolean stopping;

        Fake(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 1;
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public Path log() {
            return null;
        }

        @Override
        public CompletableFuture<Void> ready() {
            return ready;
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exited;
        }

        @Override
        public CompletableFuture<Integer> stop(Duration grace) {
            stopping = true;
            exited.complete(0);
            return exited;
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        void crash() {
            exited.complete(137);
        }
    }

    @Override
    public InstanceHandle start(FunctionDefinition function, String id, Purpose purpose) {
        purposes.put(id, purpose);
        artifacts.put(id, function.artifact());
        Fake f = new Fake(id);
        running.put(id, f);
        f.exited.thenRun(() -> running.remove(id));
        return f;
    }

    List<String> ids() {
        return running.keySet().stream().sorted().toList();
    }

    @Override
    public void stopAll() {
        running.values().forEach(f -> f.stop(Duration.ZERO));
    }
}
