package io.brighter.controlbus;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.internal.PeriodicTask;
import io.brighter.internal.RateLimitedWarnings;
import io.brighter.internal.Settings;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link NodeStatusEvent} of a dispatcher through a {@link ControlBusSender} every
 * interval, so those watching the control bus see each service alive and how its subscriptions
 * fare. A send that fails is logged (once per kind of failure a minute) and the next one tried at
 * the next interval.
 *
 * {@snippet :
 * NodeStatusPublisher heartbeat =
 *     new NodeStatusPublisher(dispatcher, "greetings-1", sender, Duration.ofSeconds(30));
 * heartbeat.start();
 * }
 */
public final class NodeStatusPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeStatusPublisher.class);

  private final Dispatcher dispatcher;
  private final DispatcherHealth health;
  private final String hostName;
  private final ControlBusSender sender;
  private final Clock clock;
  private final PeriodicTask task;
  private final RateLimitedWarnings warnings =
      new RateLimitedWarnings(RateLimitedWarnings.DEFAULT_PERIOD);

  /** A publisher of {@code dispatcher}'s status as {@code hostName}, every {@code interval}. */
  public NodeStatusPublisher(
      Dispatcher dispatcher, String hostName, ControlBusSender sender, Duration interval) {
    this(dispatcher, hostName, sender, interval, Clock.systemUTC());
  }

  /** As the other constructor, with the clock that stamps the events. */
  public NodeStatusPublisher(
      Dispatcher dispatcher,
      String hostName,
      ControlBusSender sender,
      Duration interval,
      Clock clock) {
    this.dispatcher = requireNonNull(dispatcher, "dispatcher must not be null");
    this.health = new DispatcherHealth(dispatcher);
    this.hostName = Settings.required(hostName, "NodeStatusPublisher.hostName");
    this.sender = requireNonNull(sender, "sender must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
    if (!Settings.required(interval, "NodeStatusPublisher.interval").isPositive()) {
      throw new io.brighter.ConfigurationException(
          "NodeStatusPublisher.interval must be positive, not " + interval);
    }
    this.task = new PeriodicTask("node status publisher", interval, this::publishLogged);
  }

  /** The dispatcher's status now. */
  public NodeStatusEvent status() {
    DispatcherHealth.Report report = health.check();
    List<ConsumerState> states = dispatcher.state();
    List<NodeStatusEvent.SubscriptionStatus> subscriptions =
        dispatcher.subscriptions().stream()
            .map(subscription -> statusOf(subscription, states))
            .toList();
    return new NodeStatusEvent(
        Id.random(), hostName, clock.instant(), report.status(), report.message(), subscriptions);
  }

  /** Sends the status now. */
  public void publish() {
    sender.post(status());
  }

  /** Starts sending the status every interval, the first one an interval from now. */
  public void start() {
    task.start();
  }

  /** Stops sending it. */
  public void stop() {
    task.stop();
  }

  /** As {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void publishLogged() {
    try {
      publish();
    } catch (RuntimeException e) {
      warnings.warn(LOG, "Could not send the node status of " + hostName, e);
    }
  }

  private static NodeStatusEvent.SubscriptionStatus statusOf(
      Subscription subscription, List<ConsumerState> states) {
    int active =
        (int)
            states.stream()
                .filter(state -> state.subscriptionName().equals(subscription.name()))
                .filter(ConsumerState::running)
                .count();
    return new NodeStatusEvent.SubscriptionStatus(
        subscription.name(), subscription.noOfPerformers(), active);
  }
}
