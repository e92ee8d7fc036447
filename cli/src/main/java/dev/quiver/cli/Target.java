package dev.quiver.cli;

import dev.quiver.api.control.ControlClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --context}: which platform a command talks to. {@code local} (the default): the platform {@code quiver up}
 * started here. A URL: the control API of a local platform elsewhere ({@code http://host:8082}). The Kubernetes
 * backend has no control API (functions are {@code functions.quiver.dev} resources managed with kubectl), so
 * {@code kubernetes} is refused with exit 2 and what to do instead.
 */
public final class Target {
    @Option(
            names = "--context",
            paramLabel = "<local|url>",
            defaultValue = "${env:QUIVER_CONTEXT:-local}",
            description = "The platform: local (default, the one `quiver up` started) or a control API URL "
                    + "(http://host:8082). Env: QUIVER_CONTEXT.")
    String context = "local";

    @Option(
            names = "--token",
            paramLabel = "<token>",
            description = "The control API's bearer token (default: "
                    + "$QUIVER_TOKEN, else the platform's <data dir>/control-token).")
    String token;

    public boolean local() {
        return context == null || context.isBlank() || context.equals("local");
    }

    /** The control API's base URL. */
    public URI controlUrl(Session s) {
        if (local()) {
            return s.ports().controlUrl();
        }
        if (context.equals("kubernetes") || context.equals("k8s") || context.startsWith("kube")) {
            throw QuiverException.usage("the Kubernetes backend has no Quiver control API: its functions are "
                    + "Function resources (functions.quiver.dev) managed with kubectl, e.g. kubectl apply -f "
                    + "deploy/examples/hello-function.yaml; kubectl -n quiver get functions (see docs/kubernetes.md)");
        }
        if (!context.startsWith("http://") && !context.startsWith("https://")) {
            throw QuiverException.usage(
                    "--context must be 'local' or a control API URL like http://host:8082, was '" + context + "'");
        }
        return URI.create(context);
    }

    /** A client of the control API; exit 3 when it does not answer. */
    public ControlClient control(Session s) {
        ControlClient c = new ControlClient(
                controlUrl(s), Duration.ofSeconds(30), Credentials.controlToken(s.workspace(), s.env(), token));
        if (!c.ready()) {
            throw QuiverException.notRunning("the platform is not running (no answer on " + c.base() + ")"
                    + (local() ? "; start it with quiver up" : ""));
        }
        return c;
    }
}
