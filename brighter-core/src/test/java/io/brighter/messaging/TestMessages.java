package io.brighter.messaging;

import io.brighter.Id;

/** Messages and publications for the messaging tests. */
public final class TestMessages {

  private TestMessages() {}

  /** An event message with a fresh id on {@code topic}. */
  public static Message event(RoutingKey topic) {
    return event(topic, "{}");
  }

  /** An event message with a fresh id on {@code topic} carrying {@code json}. */
  public static Message event(RoutingKey topic, String json) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT).build(),
        MessageBody.json(json));
  }

  /** A topic no other test uses. */
  public static RoutingKey freshTopic() {
    return RoutingKey.of("topic-" + Id.random());
  }

  /** A publication on {@code topic} with the default CloudEvents type. */
  public static Publication publication(RoutingKey topic) {
    return Publication.builder().topic(topic).build();
  }
}
