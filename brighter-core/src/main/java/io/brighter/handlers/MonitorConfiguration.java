package io.brighter.handlers;

import io.brighter.controlbus.ControlBusSender;
import io.brighter.internal.Settings;

/**
 * Where {@link Monitor} sends its {@link MonitorEvent}s, and the name of this service instance they
 * carry. Given to the command processor with {@code CommandProcessor.Builder.monitoring}; without
 * it {@code @Monitor} lets requests through unrecorded.
 *
 * {@snippet :
 * CommandProcessor processor = CommandProcessor.builder()
 *     .handlers(registry, factory)
 *     .monitoring(new MonitorConfiguration(ControlBusSender.of(controlBus), "greetings-1"))
 *     .build();
 * }
 *
 * @param sender sends the events
 * @param instanceName this instance's name, in every event
 */
public record MonitorConfiguration(ControlBusSender sender, String instanceName) {

  /** Checks the parts. */
  public MonitorConfiguration {
    Settings.required(sender, "MonitorConfiguration.sender");
    Settings.required(instanceName, "MonitorConfiguration.instanceName");
  }
}
