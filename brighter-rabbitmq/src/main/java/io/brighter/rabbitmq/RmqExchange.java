package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;

/**
 * An exchange that producers publish to and queues bind to: its name, type ({@code direct}, {@code
 * topic}, {@code fanout}, {@code headers}) and whether it survives a broker restart.
 *
 * {@snippet :
 * RmqExchange exchange = RmqExchange.direct("paramore.brighter.exchange").withDurable(true);
 * }
 *
 * @param name the exchange's name; not empty (the default exchange cannot be published to by topic)
 * @param type the exchange type
 * @param durable whether the broker keeps it across a restart
 */
public record RmqExchange(String name, String type, boolean durable) {

  /** The exchange .NET Brighter uses when none is named. */
  public static final String DEFAULT_NAME = "paramore.brighter.exchange";

  /** Checks the parts. */
  public RmqExchange {
    Settings.required(name, "RmqExchange.name");
    Settings.required(type, "RmqExchange.type");
    if (name.isBlank()) {
      throw new ConfigurationException("RmqExchange.name may not be empty");
    }
    if (type.isBlank()) {
      throw new ConfigurationException("RmqExchange.type may not be empty");
    }
    RmqNames.exchange(name, "RmqExchange.name");
  }

  /** A durable direct exchange called {@code name}. */
  public static RmqExchange direct(String name) {
    return new RmqExchange(name, "direct", true);
  }

  /** A durable topic exchange called {@code name}, for wildcard routing keys. */
  public static RmqExchange topic(String name) {
    return new RmqExchange(name, "topic", true);
  }

  /** This exchange, durable or not. */
  public RmqExchange withDurable(boolean value) {
    return new RmqExchange(name, type, value);
  }
}
