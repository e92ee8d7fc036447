package dev.quiver.broker.delivery;

import java.net.URI;

/** Where a trigger delivers: its name, subscriber, delivery spec, and the broker topic that takes replies. */
public record Route(String trigger, URI subscriber, DeliverySpec spec, String replyTopic) {}
