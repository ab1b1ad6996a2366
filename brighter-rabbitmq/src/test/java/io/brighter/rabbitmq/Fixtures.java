package io.brighter.rabbitmq;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;

/** Fresh names and small messages for the integration tests. */
final class Fixtures {

  private Fixtures() {}

  /** A fresh name such as {@code rmq-queue-0190…}. */
  static String fresh(String what) {
    return "rmq-" + what + "-" + Id.random();
  }

  /** A small event on {@code topic} whose body says {@code n}. */
  static Message event(RoutingKey topic, int n) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT).build(),
        MessageBody.json("{\"n\":" + n + "}"));
  }
}
