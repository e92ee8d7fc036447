package dev.quiver.local.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code quiver.platform.supervise.*}: the processes the platform starts and supervises when {@code quiver up}
 * starts it (Kafka, the broker, the sources); mapped into {@link SuperviseSettings}. Off by default (tests and a
 * platform started by hand bring their own).
 */
public interface SuperviseConfig {

    @WithDefault("false")
    boolean enabled();

    /** Longest wait for one process to be ready at start. */
    @WithDefault("120s")
    Duration readyTimeout();

    /** Longest graceful stop (SIGTERM) before the process is killed. */
    @WithDefault("20s")
    Duration stopTimeout();

    Restart restart();

    Kafka kafka();

    Broker broker();

    Sources sources();

    interface Restart {
        /** Delay before the first restart after a crash; doubles per consecutive crash. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Consecutive crashes after which the process stays stopped; 0 = always restart. */
        @WithDefault("10")
        int maxRestarts();

        /** A process that ran this long counts as healthy: its crash count starts over. */
        @WithDefault("60s")
        Duration resetAfter();
    }

    interface Kafka {
        @WithDefault("9092")
        int port();

        /** Its KRaft controller port; 0 = port + 1. */
        @WithDefault("0")
        int controllerPort();

        @WithDefault("256m")
        String maxHeap();

        /** Class path of eventing/kafka-local (relative paths: to quiver.platform.home). */
        @WithDefault("eventing/kafka-local/target/lib/*:eventing/kafka-local/target/classes")
        String classPath();
    }

    interface Broker {
        @WithDefault("8081")
        int port();

        @WithDefault("512m")
        String maxHeap();

        @WithDefault("eventing/broker/target/quarkus-app/quarkus-run.jar")
        String jar();
    }

    interface Sources {
        /** Start the sources (object store, webhooks) when their jar is built. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("8083")
        int port();

        /** The object store's S3 API port. */
        @WithDefault("9000")
        int s3Port();

        @WithDefault("256m")
        String maxHeap();

        @WithDefault("eventing/sources/target/quarkus-app/quarkus-run.jar")
        String jar();
    }
}
