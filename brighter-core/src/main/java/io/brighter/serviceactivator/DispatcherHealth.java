package io.brighter.serviceactivator;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * A health check of a {@link Dispatcher}: for each subscription, how many pumps are running against
 * how many performers it expects. All running is {@link Status#HEALTHY}; some missing, or running
 * on a channel that fails (the broker away: the pumps retry and read nothing), is {@link
 * Status#DEGRADED}; none running (while some are expected) is {@link Status#UNHEALTHY}. The message
 * names each subscription short of performers and, when a pump of it died (the dispatcher restarts
 * it after a back-off), what it died of, and each subscription whose channel fails, with why.
 *
 * {@snippet :
 * DispatcherHealth.Report report = new DispatcherHealth(dispatcher).check();
 * if (report.status() != DispatcherHealth.Status.HEALTHY) {
 *   log.warn(report.message()); // "greetings has 1 of 2 expected consumers"
 * }
 * }
 *
 * <p>Thread-safe; each check reads the dispatcher's state afresh.
 */
public final class DispatcherHealth {

  /** How healthy the dispatcher is. */
  public enum Status {
    /** Every expected pump is running. */
    HEALTHY,
    /** Some, not all, expected pumps are running. */
    DEGRADED,
    /** No expected pump is running. */
    UNHEALTHY
  }

  /**
   * The outcome of one check.
   *
   * @param status how healthy
   * @param message what is running, naming each subscription short of performers
   */
  public record Report(Status status, String message) {}

  private final Dispatcher dispatcher;

  /** A check of {@code dispatcher}. */
  public DispatcherHealth(Dispatcher dispatcher) {
    this.dispatcher = requireNonNull(dispatcher, "dispatcher must not be null");
  }

  /** Compares the running pumps with the expected ones. */
  public Report check() {
    List<ConsumerState> states = dispatcher.state();
    int expected = 0;
    int running = 0;
    List<String> missing = new ArrayList<>();
    for (Subscription subscription : dispatcher.subscriptions()) {
      long active =
          states.stream()
              .filter(state -> state.subscriptionName().equals(subscription.name()))
              .filter(ConsumerState::running)
              .count();
      expected += subscription.noOfPerformers();
      running += (int) Math.min(active, subscription.noOfPerformers());
      states.stream()
          .filter(state -> state.subscriptionName().equals(subscription.name()))
          .filter(ConsumerState::channelFailing)
          .findFirst()
          .ifPresent(
              failing ->
                  missing.add(
                      subscription.name() + "'s channel is failing: " + failing.channelFailure()));
      if (active < subscription.noOfPerformers()) {
        missing.add(
            subscription.name()
                + " has "
                + active
                + " of "
                + subscription.noOfPerformers()
                + " expected consumers"
                + diedOf(states, subscription));
      }
    }
    if (missing.isEmpty()) {
      return new Report(Status.HEALTHY, running + " healthy consumers.");
    }
    Status status = running == 0 ? Status.UNHEALTHY : Status.DEGRADED;
    return new Report(status, String.join("; ", missing));
  }

  /** What the last pump of {@code subscription} that died died of, as a clause; else nothing. */
  private static String diedOf(List<ConsumerState> states, Subscription subscription) {
    String died = "";
    for (ConsumerState state : states) {
      if (state.subscriptionName().equals(subscription.name())
          && state.status() == MessagePumpStatus.ERROR) {
        died = " (a pump died: " + state.error() + ")";
      }
    }
    return died;
  }
}
