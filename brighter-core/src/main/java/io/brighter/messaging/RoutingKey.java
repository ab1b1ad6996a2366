package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

/**
 * The name a message is published under and subscribed to: a topic, an exchange routing key, a
 * queue name, depending on the transport.
 *
 * {@snippet :
 * RoutingKey greetings = RoutingKey.of("greeting.added");
 * }
 *
 * @param value the name, never blank
 */
public record RoutingKey(String value) {

  /** Checks that the value is present and not blank. */
  public RoutingKey {
    requireNonNull(value, "value must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a RoutingKey may not be blank");
    }
  }

  /** The routing key called {@code value}. */
  public static RoutingKey of(String value) {
    return new RoutingKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
