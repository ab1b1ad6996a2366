package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Checks the names this module sends to RabbitMQ before they reach it: AMQP carries queue names,
 * exchange names and routing keys as short strings of at most 255 bytes, reserves queue and
 * exchange names that start with {@code amq.}, and allows exchange names only letters, digits,
 * hyphens, underscores, periods and colons. A name outside those rules is a {@link
 * ConfigurationException} naming the setting, not a channel error at the first declare or publish.
 */
final class RmqNames {

  private static final int MAX_BYTES = 255;
  private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9_.:-]+");

  private RmqNames() {}

  static String queue(String name, String setting) {
    shortString(name, setting);
    if (name.startsWith("amq.")) {
      throw new ConfigurationException(
          setting + " '" + name + "' starts with 'amq.', which RabbitMQ reserves for itself");
    }
    return name;
  }

  static String exchange(String name, String setting) {
    shortString(name, setting);
    if (!EXCHANGE.matcher(name).matches()) {
      throw new ConfigurationException(
          setting
              + " '"
              + name
              + "' may hold only letters, digits, hyphens, underscores, periods and colons");
    }
    return name;
  }

  static String routingKey(String name, String setting) {
    return shortString(name, setting);
  }

  private static String shortString(String name, String setting) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new ConfigurationException(
          setting + " is " + bytes + " bytes long; AMQP allows at most " + MAX_BYTES);
    }
    return name;
  }
}
