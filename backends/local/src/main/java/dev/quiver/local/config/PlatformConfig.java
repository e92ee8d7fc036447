package dev.quiver.local.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The platform's settings ({@code quiver.platform.*}); mapped once into {@link PlatformSettings}. */
@ConfigMapping(prefix = "quiver.platform")
public interface PlatformConfig {

    /** Base directory for relative artifact paths in function specs (the repository root for the examples). */
    @WithDefault(".")
    String home();

    /** State: instance logs, report. */
    @WithDefault(".quiver")
    String dataDir();

    /**
     * The address every server of the platform listens on (control API, activator, broker, sources, Kafka,
     * instances) unless a server's own host setting says otherwise; non-loopback: a warning naming what is exposed.
     */
    @WithDefault("127.0.0.1")
    String bind();

    /** The control API's bearer token; empty: read from {@link #controlTokenFile()}, generated at first start. */
    Optional<String> controlToken();

    /** Where the control token is kept; empty: {@code <data dir>/control-token}. */
    Optional<String> controlTokenFile();

    /** Directories (besides {@link #home()}) that a spec's {@code artifact} may resolve into. */
    Optional<List<String>> artifactDirs();

    /** Function specs (*.yaml) deployed at start; none when empty. */
    Optional<String> functionsDir();

    /** How often every function's broker trigger is applied again (idempotent: an unchanged one is left alone). */
    @WithDefault("10s")
    java.time.Duration triggerResync();

    Activator activator();

    Instances instances();

    Loop loop();

    Kafka kafka();

    Broker broker();

    /** The processes {@code quiver up} has the platform start and supervise. */
    SuperviseConfig supervise();

    interface Activator {
        /** Port of the gateway in front of all functions; 0 picks a free one. */
        @WithDefault("8080")
        int port();

        /** The activator's listen address; empty: {@code quiver.platform.bind}. */
        Optional<String> host();

        /** Host routing: {@code {function}.<domain>}. */
        @WithDefault("quiver.localhost")
        String domain();

        /** Requests buffered per function while it has no capacity (Knative's default). */
        @WithDefault("10000")
        int queueSize();

        /** Longest a buffered request waits for an instance before 504. */
        @WithDefault("60s")
        Duration timeout();

        /** Largest request body, bytes (bodies are buffered so that a failed attempt can be retried). */
        @WithDefault("10485760")
        int maxBodySize();

        /** Most body bytes held in memory per function by waiting (read chunked) requests; past it 503. */
        @WithDefault("67108864")
        long maxQueuedBytes();

        /** Retry-After seconds on 503 (queue full). */
        @WithDefault("1")
        int retryAfterSeconds();

        /** Event-loop server instances (0: one per core). */
        @WithDefault("0")
        int servers();
    }

    interface Instances {
        @WithDefault("128m")
        String maxHeap();

        /** Longest wait from process start to readiness. */
        @WithDefault("60s")
        Duration readyTimeout();

        /** Longest graceful drain on stop before the process is killed. */
        @WithDefault("30s")
        Duration drainTimeout();

        /** Readiness polling interval while an instance starts. */
        @WithDefault("20ms")
        Duration probeInterval();

        /**
         * An explicit java launcher for JVM artifacts (always used; an archive made by another JDK is then not
         * used); empty = chosen per artifact: the JDK that made its archive, else this JVM's.
         */
        Optional<String> java();

        /** Start-up archive: auto (fastest usable), aot (JDK AOT cache), appcds, none. */
        @WithDefault("auto")
        String archive();

        /**
         * JVM options of on-demand starts only (a request is waiting), before the function's own jvmOptions, which
         * win: C1 only spares a 2-core host's JIT threads at start (as AWS advises for Lambda); none = no options.
         */
        @WithDefault("-XX:TieredStopAtLevel=1")
        String onDemandJvmOptions();
    }

    interface Loop {
        /** Stats scrape and record interval. */
        @WithDefault("1s")
        Duration scrapeInterval();

        /** History kept per function for status and the report. */
        @WithDefault("900")
        int historySeconds();
    }

    interface Kafka {
        /** Kafka for lag reading and for Kafka-triggered instances; none = no lag scaling. */
        Optional<String> bootstrapServers();
    }

    interface Broker {
        /** Broker admin base URL (e.g. http://127.0.0.1:8081) for broker triggers; none = not managed. */
        Optional<String> url();
    }
}
