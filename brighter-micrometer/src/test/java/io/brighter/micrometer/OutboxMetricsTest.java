package io.brighter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.InMemoryOutbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutboxMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static Message storedAt(Instant timestamp) {
    return new Message(
        MessageHeader.builder(Id.random(), RoutingKey.of("greeting.made"), MessageType.EVENT)
            .timestamp(timestamp)
            .build(),
        MessageBody.json("{}"));
  }

  private double gauge(String name) {
    return registry.get(name).tag("outbox", "greetings").gauge().value();
  }

  @Test
  void reports_the_outstanding_count_and_the_age_of_the_oldest_outstanding_message() {
    // given
    new OutboxMetrics(outbox, "greetings", clock).bindTo(registry);
    Message oldest = storedAt(NOW.minus(Duration.ofSeconds(90)));
    outbox.add(oldest, new RequestContext(), null);
    outbox.add(storedAt(NOW.minus(Duration.ofSeconds(30))), new RequestContext(), null);
    outbox.add(storedAt(NOW.minus(Duration.ofSeconds(120))), new RequestContext(), null);

    // when
    outbox.markDispatched(outbox.outstandingMessages(Duration.ZERO, 1).getFirst().id(), NOW);

    // then
    assertThat(gauge(OutboxMetrics.OUTSTANDING)).isEqualTo(2);
    assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isEqualTo(90);
  }

  @Test
  void an_empty_outbox_reports_nothing_waiting() {
    // given
    new OutboxMetrics(outbox, "greetings", clock).bindTo(registry);

    // then
    assertThat(gauge(OutboxMetrics.OUTSTANDING)).isZero();
    assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();
  }
}
