package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherHealth;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The dispatcher's health, as {@code brighterDispatcher} in the actuator's health endpoint: UP when
 * every subscription has all its pumps running (status HEALTHY) or some of them, or runs them on a
 * failing channel, as while the broker is away (DEGRADED, named in the message with the reason),
 * DOWN when none runs, as before start, after close, or when every pump stopped on an error. The
 * details give the status, the message and each pump's subscription and status.
 *
 * {@snippet :
 * // GET /actuator/health/brighterDispatcher
 * // {"status":"UP","details":{"dispatcher":"HEALTHY","message":"2 healthy consumers.", ...}}
 * }
 */
public final class DispatcherHealthIndicator extends AbstractHealthIndicator {

  private final Dispatcher dispatcher;
  private final DispatcherHealth health;

  /** The health of {@code dispatcher}. */
  public DispatcherHealthIndicator(Dispatcher dispatcher) {
    super("Dispatcher health check failed");
    this.dispatcher = requireNonNull(dispatcher, "dispatcher must not be null");
    this.health = new DispatcherHealth(dispatcher);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    DispatcherHealth.Report report = health.check();
    List<String> consumers =
        dispatcher.state().stream().map(DispatcherHealthIndicator::describe).toList();
    if (report.status() == DispatcherHealth.Status.UNHEALTHY) {
      builder.down();
    } else {
      builder.up();
    }
    builder
        .withDetail("dispatcher", report.status().name())
        .withDetail("message", report.message())
        .withDetail("consumers", consumers);
  }

  private static String describe(ConsumerState state) {
    return state.subscriptionName()
        + ": "
        + state.status()
        + (state.channelFailing() ? " (channel failing: " + state.channelFailure() + ")" : "");
  }
}
