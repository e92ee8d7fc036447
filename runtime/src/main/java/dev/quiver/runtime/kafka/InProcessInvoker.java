package dev.quiver.runtime.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.quiver.runtime.http.DirectCall;
import dev.quiver.runtime.http.InstanceTraffic;
import dev.quiver.runtime.lifecycle.InstanceState;
import io.cloudevents.CloudEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import io.quarkus.funqy.runtime.ApplicationException;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunqyServerRequest;
import io.quarkus.funqy.runtime.FunqyServerResponse;
import io.quarkus.funqy.runtime.RequestContext;
import io.quarkus.funqy.runtime.RequestContextImpl;
import io.quarkus.funqy.runtime.bindings.knative.events.KnativeEventsBindingRecorder;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Invokes the app's function for a record's event in process, through Funqy's own {@link FunctionInvoker} (no HTTP
 * hop): the input is read with the invoker's data reader as the knative-events binding reads a binary-mode event's
 * body ({@code CloudEvent<T>}, {@code @Context CloudEvent}, typed JSON and {@code byte[]} behave the same), inside an
 * activated request context; an async function's {@code Uni} completes the invocation. Each call is admitted and
 * accounted on the instance's live ledger ({@link InstanceTraffic#beginDirect}): it counts in {@code /quiver/stats}
 * (in-flight, rps), the concurrency limit and the function's metrics like an HTTP request. Answers use the HTTP
 * statuses the binding would have given (400 unreadable input, 404 no function, 500 the function threw, 503 refused),
 * so {@link Attempt} decides retries the same way for both paths.
 */
final class InProcessInvoker implements RecordProcessor.Invoker {

    private final InstanceState state;
    private final InstanceTraffic traffic;
    private final Function<String, FunctionInvoker> route;
    private final Duration timeout;

    /**
     * @param route the function a {@code ce-type} goes to, or null
     * @param timeout how long an invocation may take before it counts as no answer (retried)
     */
    InProcessInvoker(
            InstanceState state, InstanceTraffic traffic, Function<String, FunctionInvoker> route, Duration timeout) {
        this.state = state;
        this.traffic = traffic;
        this.route = route;
        this.timeout = timeout;
    }

    /**
     * Funqy's routing of a binary-mode event at {@code /}: the exported function; else the one whose trigger type
     * ({@code quarkus.funqy.knative-events.mapping.<f>.trigger}, default its name) is the event's type; else the one
     * mapped to {@code *}.
     */
    static Function<String, FunctionInvoker> routes(
            Iterable<FunctionInvoker> invokers,
            Optional<String> exported,
            Function<String, Optional<String>> triggers) {
        Map<String, FunctionInvoker> byName = new HashMap<>();
        Map<String, FunctionInvoker> byType = new HashMap<>();
        for (FunctionInvoker invoker : invokers) {
            byName.put(invoker.getName(), invoker);
            byType.putIfAbsent(triggers.apply(invoker.getName()).orElse(invoker.getName()), invoker);
        }
        if (exported.isPresent()) {
            FunctionInvoker only = byName.get(exported.get());
            return type -> only;
        }
        FunctionInvoker any = byType.get("*");
        return type -> byType.getOrDefault(type, any);
    }

    @Override
    public CompletionStage<RecordProcessor.Answer> invoke(CloudEvent event) {
        awaitReady();
        FunctionInvoker invoker = route.apply(event.getType());
        if (invoker == null) {
            return answer(404, "no function takes events of type '" + event.getType() + "'");
        }
        Object input;
        io.quarkus.funqy.knative.events.CloudEvent<?> context;
        try {
            context = funqyEvent(event, invoker, false);
            input = invoker.getBindingContext().get(KnativeEventsBindingRecorder.INPUT_CE_DATA_TYPE) != null
                    ? funqyEvent(event, invoker, true)
                    : read(invoker, data(event));
        } catch (Exception e) {
            return answer(400, "Failed to unmarshal input: " + e.getMessage());
        }
        if (state.phase() == InstanceState.Phase.DRAINING) {
            // shutting down: the record is not started, never completes, and so is never committed here; the
            // group's next consumer gets it again (a 503 would spend its retries and could dead-letter it)
            return new CompletableFuture<>();
        }
        DirectCall call = traffic.beginDirect(invoker.getName());
        if (call == null) {
            return answer(503, "function '" + invoker.getName() + "' is at its concurrency limit or draining");
        }
        CompletableFuture<RecordProcessor.Answer> answered = new CompletableFuture<>();
        ManagedContext requests = Arc.container().requestContext();
        ContextState scope = requests.activate();
        Uni<?> output;
        try {
            RequestContextImpl funqyContext = new RequestContextImpl();
            funqyContext.setContextData(io.quarkus.funqy.knative.events.CloudEvent.class, context);
            Response response = new Response();
            invoker.invoke(new Request(funqyContext, input), response);
            output = response.getOutput() == null ? Uni.createFrom().nullItem() : response.getOutput();
        } catch (RuntimeException e) {
            output = Uni.createFrom().failure(e);
        } finally {
            requests.deactivate();
        }
        output.subscribe()
                .with(
                        item -> {
                            requests.destroy(scope);
                            call.end(200);
                            answered.complete(new RecordProcessor.Answer(200, ""));
                        },
                        failure -> {
                            requests.destroy(scope);
                            Throwable cause = unwrap(failure);
                            Optional<RecordInterrupted> interrupted = RecordInterrupted.of(failure);
                            if (interrupted.isPresent()) {
                                // the function was interrupted (shutdown), it did not fail: no 500, no retry
                                call.end(503);
                                answered.completeExceptionally(interrupted.get());
                                return;
                            }
                            call.end(500);
                            answered.complete(new RecordProcessor.Answer(
                                    500,
                                    cause.getClass().getName()
                                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
                        });
        return answered.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Object read(FunctionInvoker invoker, byte[] data) throws Exception {
        if (!invoker.hasInput() || data == null) {
            return null;
        }
        ObjectReader reader =
                (ObjectReader) invoker.getBindingContext().get(KnativeEventsBindingRecorder.DATA_OBJECT_READER);
        return reader == null ? data : reader.readValue(data);
    }

    /** The event as Funqy's {@code CloudEvent}: its data read as the function's {@code T} when {@code typed}. */
    private static io.quarkus.funqy.knative.events.CloudEvent<?> funqyEvent(
            CloudEvent event, FunctionInvoker invoker, boolean typed) throws Exception {
        Map<String, String> extensions = new HashMap<>();
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null) {
                extensions.put(name, value.toString());
            }
        }
        CloudEventBuilder builder = CloudEventBuilder.create()
                .specVersion(event.getSpecVersion().toString())
                .id(event.getId())
                .type(event.getType())
                .source(event.getSource().toString())
                .subject(event.getSubject())
                .time(event.getTime())
                .dataSchema(
                        event.getDataSchema() == null
                                ? null
                                : event.getDataSchema().toString())
                .extensions(extensions);
        byte[] data = data(event);
        Object dataType = invoker.getBindingContext().get(KnativeEventsBindingRecorder.INPUT_CE_DATA_TYPE);
        if (!typed || dataType == null || dataType == byte[].class || data == null) {
            return builder.build(data == null ? new byte[0] : data, event.getDataContentType());
        }
        return builder.build(read(invoker, data));
    }

    private static byte[] data(CloudEvent event) {
        return event.getData() == null ? null : event.getData().toBytes();
    }

    private void awaitReady() {
        while (!state.isReady()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the instance to be ready", e);
            }
        }
    }

    private static CompletionStage<RecordProcessor.Answer> answer(int status, String body) {
        return CompletableFuture.completedFuture(new RecordProcessor.Answer(status, body));
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t != null
                && t.getCause() != null
                && t.getCause() != t
                && (t instanceof ApplicationException
                        || t instanceof InvocationTargetException
                        || t instanceof CompletionException)) {
            t = t.getCause();
        }
        return t;
    }

    private record Request(RequestContext context, Object input) implements FunqyServerRequest {
        @Override
        public Object extractInput(Class type) {
            return input;
        }
    }

    private static final class Response implements FunqyServerResponse {
        private Uni<?> output;

        @Override
        public Uni<?> getOutput() {
            return output;
        }

        @Override
        public void setOutput(Uni<?> output) {
            this.output = output;
        }
    }
}
