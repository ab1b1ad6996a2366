package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.rabbitmq.GreetingFlow.GreetingAdded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker restart in the middle of a stream loses nothing: the broker's application is stopped
 * ({@code rabbitmqctl stop_app}) while greetings are posted through the outbox and consumed, then
 * started again. Posts during the outage stay in the outbox; the pumps reconnect, the producer
 * re-declares its exchange, the sweeper sends what is outstanding, and every greeting is handled
 * exactly once. The broker is shared, so it is always started again, whatever happens.
 */
class RmqBrokerRestartIT {

  private static final int GREETINGS = 120;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private GreetingFlow flow;

  @AfterEach
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @Test
  void a_broker_restart_mid_stream_loses_no_greeting() throws Exception {
    // given
    RmqConnection connection =
        Broker.connection()
            .withRetry(new RmqConnectionRetry(1, Duration.ofMillis(100), Duration.ofMillis(300)));
    flow = new GreetingFlow(connection, -1);
    flow.dispatcher.start();
    OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(flow.commandProcessor)
            .minimumAge(Duration.ZERO)
            .batchSize(50)
            .lease(Duration.ofMillis(200))
            .interval(Duration.ofMillis(200))
            .build();
    List<Id> posted = new ArrayList<>();

    // when
    try {
      for (int n = 0; n < GREETINGS; n++) {
        if (n == GREETINGS / 3) {
          Broker.rabbitmqctl("stop_app");
        }
        if (n == 2 * GREETINGS / 3) {
          Broker.rabbitmqctl("start_app");
        }
        posted.add(flow.commandProcessor.post(new GreetingAdded(Id.random(), "greeting " + n)));
      }
    } finally {
      Broker.rabbitmqctl("start_app");
    }
    sweeper.start();

    // then
    try {
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(GreetingFlow.HANDLED)
                      .extracting(GreetingAdded::id)
                      .containsExactlyInAnyOrderElementsOf(posted));
      await().atMost(PATIENCE).until(() -> flow.outbox.outstandingCount() == 0);
    } finally {
      sweeper.stop();
    }
  }
}
