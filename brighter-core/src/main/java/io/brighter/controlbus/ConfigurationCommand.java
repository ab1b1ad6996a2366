package io.brighter.controlbus;

import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.internal.Settings;
import org.jspecify.annotations.Nullable;

/**
 * Tells a service's dispatcher, through its {@link ControlBus}, to stop or start all its
 * subscriptions or one of them.
 *
 * {@snippet :
 * controlBus.post(ConfigurationCommand.stopChannel("greetings"));
 * }
 *
 * @param id the command's id
 * @param type what to do
 * @param subscriptionName the subscription to stop or start; null for all
 */
public record ConfigurationCommand(Id id, Type type, @Nullable String subscriptionName)
    implements Command {

  /** Checks that a channel command names its subscription. */
  public ConfigurationCommand {
    Settings.required(id, "ConfigurationCommand.id");
    Settings.required(type, "ConfigurationCommand.type");
    if ((type == Type.STOP_CHANNEL || type == Type.START_CHANNEL)
        && (subscriptionName == null || subscriptionName.isBlank())) {
      throw new ConfigurationException(
          "ConfigurationCommand." + type + " must name its subscription");
    }
  }

  /** What a configuration command does. */
  public enum Type {
    /** Stop every subscription's pumps. */
    STOP_ALL,
    /** Start every subscription's pumps. */
    START_ALL,
    /** Stop one subscription's pumps. */
    STOP_CHANNEL,
    /** Start one subscription's pumps. */
    START_CHANNEL
  }

  /** Stop every subscription. */
  public static ConfigurationCommand stopAll() {
    return new ConfigurationCommand(Id.random(), Type.STOP_ALL, null);
  }

  /** Start every subscription. */
  public static ConfigurationCommand startAll() {
    return new ConfigurationCommand(Id.random(), Type.START_ALL, null);
  }

  /** Stop the subscription named {@code name}. */
  public static ConfigurationCommand stopChannel(String name) {
    return new ConfigurationCommand(Id.random(), Type.STOP_CHANNEL, name);
  }

  /** Start the subscription named {@code name}. */
  public static ConfigurationCommand startChannel(String name) {
    return new ConfigurationCommand(Id.random(), Type.START_CHANNEL, name);
  }
}
