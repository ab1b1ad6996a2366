package io.brighter.micrometer;

import io.brighter.messaging.Message;
import io.brighter.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Reports an outbox's backlog as two gauges, tagged {@code outbox} with the name given: {@value
 * #OUTSTANDING}, the number of messages not yet dispatched, and {@value #OLDEST_AGE}, how long the
 * oldest of them has waited, in seconds (0 when none waits). A growing age means messages are not
 * leaving: a broker down, a topic's circuit open, or no sweeper running.
 *
 * {@snippet :
 * new OutboxMetrics(outbox, "orders").bindTo(meterRegistry);
 * }
 *
 * <p>Each gauge asks the outbox when the registry reads it ({@link Outbox#outstandingCount()} and
 * one outstanding message, oldest first): one query per gauge per scrape on a database outbox. A
 * failing query makes the gauge read NaN for that scrape.
 */
public final class OutboxMetrics implements MeterBinder {

  /** Messages not yet dispatched. */
  public static final String OUTSTANDING = "brighter.outbox.outstanding";

  /** Seconds the oldest undispatched message has waited. */
  public static final String OLDEST_AGE = "brighter.outbox.oldest.age";

  private final Outbox outbox;
  private final String name;
  private final Clock clock;

  /** Gauges of {@code outbox}, tagged {@code outbox=name}, ages by the system clock. */
  public OutboxMetrics(Outbox outbox, String name) {
    this(outbox, name, Clock.systemUTC());
  }

  /** Gauges of {@code outbox}, tagged {@code outbox=name}, ages by {@code clock}. */
  public OutboxMetrics(Outbox outbox, String name, Clock clock) {
    this.outbox = outbox;
    this.name = name;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(OUTSTANDING, outbox, Outbox::outstandingCount)
        .description("Messages in the outbox not yet dispatched")
        .tag("outbox", name)
        .register(registry);
    Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds)
        .description("Seconds the oldest undispatched message has waited")
        .tag("outbox", name)
        .baseUnit("seconds")
        .register(registry);
  }

  private double oldestAgeSeconds() {
    List<Message> oldest = outbox.outstandingMessages(Duration.ZERO, 1);
    if (oldest.isEmpty()) {
      return 0;
    }
    Duration age = Duration.between(oldest.getFirst().header().timestamp(), clock.instant());
    return Math.max(0, age.toNanos() / 1e9);
  }
}
