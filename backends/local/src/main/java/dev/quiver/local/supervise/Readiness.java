package dev.quiver.local.supervise;

import java.net.URI;

/** How the supervisor knows a process is ready. */
public sealed interface Readiness permits Readiness.Http, Readiness.LogLine {

    /** An HTTP GET that answers 200 (e.g. {@code /q/health/ready}). */
    record Http(URI url) implements Readiness {}

    /** A line of its log (written since this start) beginning with {@code prefix}. */
    record LogLine(String prefix) implements Readiness {}
}
