package dev.quiver.cli.commands;

import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.Broker;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Publish a CloudEvent (binary mode, JSON data) to a broker of the local platform.")
public class PublishCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    @Option(names = "--type", required = true, description = "ce-type, e.g. dev.quiver.hello.requested.")
    String type;

    @Option(names = "--source", defaultValue = "/quiver/cli", description = "ce-source. Default ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--id", description = "ce-id. Default cli-<nanos>.")
    String id;

    @Option(names = "--broker", defaultValue = "default", description = "The broker. Default ${DEFAULT-VALUE}.")
    String broker;

    @Parameters(arity = "0..1", paramLabel = "<json>", defaultValue = "{}", description = "The data. Default {}.")
    String data;

    @Override
    public Integer call() {
        localOnly.check("publish");
        Session s = Session.current();
        String eventId = id == null ? "cli-" + System.nanoTime() : id;
        publish(
                s,
                broker,
                CloudEventBuilder.v1()
                        .withId(eventId)
                        .withType(type)
                        .withSource(URI.create(source))
                        .withDataContentType("application/json")
                        .withData(data.getBytes(StandardCharsets.UTF_8))
                        .build());
        s.console().line("published " + type + " (" + eventId + ") to broker " + broker);
        return 0;
    }

    static void publish(Session s, String broker, io.cloudevents.CloudEvent event) {
        new Broker(s.ports().brokerUrl()).publish(broker, event);
    }
}
