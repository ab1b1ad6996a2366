package io.brighter.controlbus;

import io.brighter.Event;
import io.brighter.Id;
import io.brighter.internal.Settings;
import io.brighter.serviceactivator.DispatcherHealth;
import java.time.Instant;
import java.util.List;

/**
 * A service's heartbeat, sent by {@link NodeStatusPublisher} on a schedule: its name, its
 * dispatcher's health, and each subscription with how many pumps it should run and runs.
 *
 * @param id the event's id
 * @param hostName the service instance
 * @param timestamp when the status was taken
 * @param status the dispatcher's health: healthy, degraded or unhealthy
 * @param message the health's explanation
 * @param subscriptions each subscription's performers
 */
public record NodeStatusEvent(
    Id id,
    String hostName,
    Instant timestamp,
    DispatcherHealth.Status status,
    String message,
    List<SubscriptionStatus> subscriptions)
    implements Event {

  /** Checks the parts and copies the list. */
  public NodeStatusEvent {
    Settings.required(id, "NodeStatusEvent.id");
    Settings.required(hostName, "NodeStatusEvent.hostName");
    Settings.required(timestamp, "NodeStatusEvent.timestamp");
    Settings.required(status, "NodeStatusEvent.status");
    Settings.required(message, "NodeStatusEvent.message");
    subscriptions = List.copyOf(Settings.required(subscriptions, "NodeStatusEvent.subscriptions"));
  }

  /**
   * One subscription of the service.
   *
   * @param name the subscription's name
   * @param expectedPerformers the pumps it should run
   * @param activePerformers the pumps that run
   */
  public record SubscriptionStatus(String name, int expectedPerformers, int activePerformers) {}
}
