package dev.quiver.api.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.errors.ErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one client of the broker's admin API ({@code /admin/v1/triggers}, and through
 * {@link #apply(String, String, String)} every other route: brokers, pingsources, kafkasources, kafkasinks;
 * docs/eventing.md). {@link #apply}
 * is idempotent: it creates the trigger; when one of that name exists (409) it reads it and leaves it alone if it
 * asks for the same (no delete, so the broker's dispatcher keeps running), or replaces it (delete + create) if not.
 * Every failure is a {@link BrokerAdminException} naming the broker, the status and the broker's error message.
 */
public final class BrokerAdminClient {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String ADMIN = "/admin/v1/";
    public static final String TRIGGERS = "triggers";
    private static final String PATH = ADMIN + TRIGGERS;

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final String token;

    /**
     * @param base    the broker's base URL, e.g. {@code http://127.0.0.1:8081} or
     *                {@code http://quiver-broker.quiver.svc.cluster.local}
     * @param timeout per request; a create waits until the trigger's consumer owns its partitions, give it time
     */
    public BrokerAdminClient(URI base, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), base, timeout);
    }

    public BrokerAdminClient(HttpClient http, URI base, Duration timeout) {
        this(http, base, timeout, Optional.empty());
    }

    /**
     * A client that sends {@code Authorization: Bearer <token>} with every request, for a broker whose admin API
     * requires it ({@code quiver.broker.admin.token}, docs/eventing.md).
     */
    public static BrokerAdminClient withToken(URI base, Duration timeout, Optional<String> token) {
        return new BrokerAdminClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), base, timeout, token);
    }

    public BrokerAdminClient(HttpClient http, URI base, Duration timeout, Optional<String> token) {
        this.token = token.map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
        this.http = http;
        String b = base.toString().replaceAll("/+$", "");
        this.base = URI.create(b);
        this.timeout = timeout;
    }

    public URI broker() {
        return base;
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        CREATED,
        UNCHANGED,
        REPLACED
    }

    /** @param trigger the broker's answer: the trigger as it now runs, with its status */
    public record Applied(Outcome outcome, TriggerDocument trigger) {}

    /** Creates the trigger, or leaves an identical one alone, or replaces a different one of the same name. */
    public Applied apply(TriggerDocument trigger) throws InterruptedException {
        String name = trigger.name();
        for (int attempt = 0; attempt < 3; attempt++) {
            Answer created = send("create trigger '" + name + "'", post(trigger));
            if (created.status == 201 || created.status == 200) {
                return new Applied(Outcome.CREATED, document(created, "create trigger '" + name + "'"));
            }
            if (created.status != 409) {
                throw refused("create trigger '" + name + "'", created);
            }
            Optional<TriggerDocument> existing = get(name);
            if (existing.isEmpty()) {
                continue; // deleted meanwhile: create again
            }
            if (existing.get().sameTriggerAs(trigger)) {
                return new Applied(Outcome.UNCHANGED, existing.get());
            }
            delete(name);
            Answer replaced = send("replace trigger '" + name + "'", post(trigger));
            if (replaced.status == 201 || replaced.status == 200) {
                return new Applied(Outcome.REPLACED, document(replaced, "replace trigger '" + name + "'"));
            }
            if (replaced.status != 409) {
                throw refused("replace trigger '" + name + "'", replaced);
            }
        }
        throw new BrokerAdminException(
                base,
                "create trigger '" + name + "'",
                409,
                "another client keeps changing trigger '" + name + "'",
                null);
    }

    /** The live trigger of that name with its status; empty when there is none (404). */
    public Optional<TriggerDocument> get(String name) throws InterruptedException {
        Answer a = send(
                "read trigger '" + name + "'",
                HttpRequest.newBuilder(uri("/" + name)).GET());
        if (a.status == 404) {
            return Optional.empty();
        }
        if (a.status != 200) {
            throw refused("read trigger '" + name + "'", a);
        }
        return Optional.of(document(a, "read trigger '" + name + "'"));
    }

    public List<TriggerDocument> list() throws InterruptedException {
        Answer a = send("list triggers", HttpRequest.newBuilder(uri("")).GET());
        if (a.status != 200) {
            throw refused("list triggers", a);
        }
        try {
            return JSON.readValue(a.body, new TypeReference<List<TriggerDocument>>() {});
        } catch (JsonProcessingException e) {
            throw new BrokerAdminException(
                    base, "list triggers", a.status, "unreadable answer: " + e.getOriginalMessage(), e);
        }
    }

    /** Deletes the trigger; false when there was none (404). */
    public boolean delete(String name) throws InterruptedException {
        Answer a = send(
                "delete trigger '" + name + "'",
                HttpRequest.newBuilder(uri("/" + name)).DELETE());
        if (a.status == 404) {
            return false;
        }
        if (a.status / 100 != 2) {
            throw refused("delete trigger '" + name + "'", a);
        }
        return true;
    }

    /**
     * Applies any document of the broker's admin API ({@code /admin/v1/<plural>}: {@code triggers}, {@code brokers},
     * {@code pingsources}, {@code kafkasources}, {@code kafkasinks}), idempotent: a trigger as {@link #apply};
     * anything else is read first and left alone when its {@code metadata} and {@code spec} are the same, else
     * POSTed (the broker upserts it: 201 created, 200 replaced).
     *
     * @param json the document, JSON
     */
    public Outcome apply(String plural, String name, String json) throws InterruptedException {
        if (TRIGGERS.equals(plural)) {
            try {
                return apply(read(json)).outcome();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a trigger document: " + e.getOriginalMessage(), e);
            }
        }
        String what = "apply " + plural + " '" + name + "'";
        Optional<String> existing = get(plural, name);
        if (existing.isPresent() && sameObject(existing.get(), json)) {
            return Outcome.UNCHANGED;
        }
        Answer a = send(
                what,
                HttpRequest.newBuilder(URI.create(base + ADMIN + plural))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (a.status == 201) {
            return Outcome.CREATED;
        }
        if (a.status == 200) {
            return existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED;
        }
        throw refused(what, a);
    }

    /** The live object as the broker answers it (JSON, with status); empty when there is none (404). */
    public Optional<String> get(String plural, String name) throws InterruptedException {
        String what = "read " + plural + " '" + name + "'";
        Answer a = send(
                what,
                HttpRequest.newBuilder(URI.create(base + ADMIN + plural + "/" + name))
                        .GET());
        if (a.status == 404) {
            return Optional.empty();
        }
        if (a.status != 200) {
            throw refused(what, a);
        }
        return Optional.of(a.body);
    }

    /** Deletes the object; false when there was none (404). */
    public boolean delete(String plural, String name) throws InterruptedException {
        String what = "delete " + plural + " '" + name + "'";
        Answer a = send(
                what,
                HttpRequest.newBuilder(URI.create(base + ADMIN + plural + "/" + name))
                        .DELETE());
        if (a.status == 404) {
            return false;
        }
        if (a.status / 100 != 2) {
            throw refused(what, a);
        }
        return true;
    }

    /** Same {@code metadata} (name, labels, annotations) and {@code spec}; status, apiVersion aside. */
    static boolean sameObject(String liveJson, String wantedJson) {
        try {
            var live = JSON.readTree(liveJson);
            var wanted = JSON.readTree(wantedJson);
            return java.util.Objects.equals(live.path("spec"), wanted.path("spec"))
                    && java.util.Objects.equals(
                            live.path("metadata").path("name"),
                            wanted.path("metadata").path("name"))
                    && java.util.Objects.equals(
                            live.path("metadata").path("labels"),
                            wanted.path("metadata").path("labels"))
                    && java.util.Objects.equals(
                            live.path("metadata").path("annotations"),
                            wanted.path("metadata").path("annotations"));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The JSON body this client sends for {@code trigger}. */
    public static String json(TriggerDocument trigger) {
        try {
            return JSON.writeValueAsString(trigger);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write trigger " + trigger.name() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a trigger document (the broker's answer, or a document a test wrote). */
    public static TriggerDocument read(String json) throws JsonProcessingException {
        return JSON.readValue(json, TriggerDocument.class);
    }

    private record Answer(int status, String body) {}

    private HttpRequest.Builder post(TriggerDocument trigger) {
        return HttpRequest.newBuilder(uri(""))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(trigger)));
    }

    private URI uri(String suffix) {
        return URI.create(base + PATH + suffix);
    }

    private Answer send(String what, HttpRequest.Builder request) throws InterruptedException {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new BrokerAdminException(base, what, 0, String.valueOf(e), e);
        }
    }

    private TriggerDocument document(Answer a, String what) {
        try {
            return read(a.body);
        } catch (JsonProcessingException e) {
            throw new BrokerAdminException(base, what, a.status, "unreadable answer: " + e.getOriginalMessage(), e);
        }
    }

    private BrokerAdminException refused(String what, Answer a) {
        return new BrokerAdminException(base, what, a.status, errorMessage(a.body), null);
    }

    /** The broker's {@code {"status":400,"error":"spec.broker: ..."}}: its {@code error}, else the raw body. */
    static String errorMessage(String body) {
        try {
            ErrorBody e = JSON.readValue(body, ErrorBody.class);
            if (e.message() != null) {
                return e.error() == null ? e.message() : e.error() + ": " + e.message();
            }
            if (e.error() != null) {
                return e.error();
            }
        } catch (JsonProcessingException | RuntimeException notJson) {
            // fall through: show the body as it came
        }
        return body == null || body.isBlank() ? "(empty body)" : body.strip();
    }
}
