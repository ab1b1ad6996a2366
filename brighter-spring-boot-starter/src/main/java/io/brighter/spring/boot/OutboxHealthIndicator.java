package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.Message;
import io.brighter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The outbox's health, as {@code brighterOutbox} in the actuator's health endpoint: the number of
 * outstanding (undispatched) messages and the age of the oldest one. UP while the outbox answers;
 * DOWN when it fails (the database is unreachable, say) or, with {@code
 * brighter.health.outbox-max-age} set, when the oldest outstanding message is older than that: the
 * sign of a broker that has been refusing messages, or of a sweeper that does not run.
 *
 * {@snippet :
 * // GET /actuator/health/brighterOutbox
 * // {"status":"UP","details":{"outstanding":3,"oldestAge":"PT1.2S"}}
 * }
 *
 * <p>Each check runs two queries on a database outbox.
 */
public final class OutboxHealthIndicator extends AbstractHealthIndicator {

  private final Outbox outbox;
  private final @Nullable Duration maxAge;
  private final Clock clock;

  /**
   * The health of {@code outbox}; DOWN when its oldest outstanding message is older than {@code
   * maxAge}, unless that is null.
   */
  public OutboxHealthIndicator(Outbox outbox, @Nullable Duration maxAge, Clock clock) {
    super("Outbox health check failed");
    this.outbox = requireNonNull(outbox, "outbox must not be null");
    this.maxAge = maxAge;
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    long outstanding = outbox.outstandingCount();
    Duration oldestAge = oldestAge();
    Duration limit = maxAge;
    if (limit != null && oldestAge.compareTo(limit) > 0) {
      builder.down().withDetail("maxAge", limit.toString());
    } else {
      builder.up();
    }
    builder.withDetail("outstanding", outstanding).withDetail("oldestAge", oldestAge.toString());
  }

  private Duration oldestAge() {
    List<Message> oldest = outbox.outstandingMessages(Duration.ZERO, 1);
    if (oldest.isEmpty()) {
      return Duration.ZERO;
    }
    Duration age = Duration.between(oldest.getFirst().header().timestamp(), clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }
}
