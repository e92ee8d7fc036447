package dev.quiver.cli.commands;

import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "invoke",
        mixinStandardHelpOptions = true,
        description = "POST JSON to a function through the activator (at zero it starts or promotes an instance); "
                + "prints the answer; exit 1 on an HTTP error.")
public class InvokeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<function>")
    String function;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "<json>",
            defaultValue = "{}",
            description = "The body. Default {}.")
    String body;

    @Option(names = "--path", description = "The function's path. Default /<function>.")
    String path;

    @Mixin
    Target target;

    @Override
    public Integer call() {
        Session s = Session.current();
        URI activator;
        if (target.local()) {
            target.control(s);
            activator = s.ports().activatorUrl();
        } else {
            URI control = target.controlUrl(s);
            int port = target.control(s).info().activatorPort();
            activator = URI.create(control.getScheme() + "://" + control.getHost() + ":" + port);
        }
        String p = path == null ? "/" + function : (path.startsWith("/") ? path : "/" + path);
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(activator.resolve("/f/" + function + p))
                                    .timeout(Duration.ofSeconds(120))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw QuiverException.notRunning("no answer from the activator (" + activator + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
        s.console().line(r.body());
        if (r.statusCode() >= 400) {
            s.console().err().println("quiver: HTTP " + r.statusCode());
            return 1;
        }
        return 0;
    }
}
