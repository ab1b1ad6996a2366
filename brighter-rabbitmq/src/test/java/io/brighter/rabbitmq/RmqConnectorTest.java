package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.fixtures.MovableClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reconnecting with back-off and the circuit breaker, against a port nothing listens on. */
class RmqConnectorTest {

  private final MovableClock clock = new MovableClock();
  private final RmqConnector connector =
      new RmqConnector(
          RmqConnection.builder()
              .uri(URI.create("amqp://guest:secret@127.0.0.1:1"))
              .retry(new RmqConnectionRetry(2, Duration.ofMillis(1), Duration.ofSeconds(30)))
              .build(),
          "test",
          clock);

  @Test
  void every_try_failing_gives_an_unreachable_exception_naming_the_tries_without_the_password() {
    assertThatThrownBy(connector::connect)
        .isInstanceOf(RmqBrokerUnreachableException.class)
        .hasMessageContaining("after 3 tries")
        .hasMessageContaining("guest:***@127.0.0.1:1")
        .hasMessageNotContaining("secret");
  }

  @Test
  void after_the_tries_failed_the_circuit_fails_connects_at_once_for_the_break() {
    // given
    assertThatThrownBy(connector::connect).hasMessageContaining("after 3 tries");

    // when / then
    clock.advance(Duration.ofSeconds(29));
    assertThatThrownBy(connector::connect)
        .isInstanceOf(RmqBrokerUnreachableException.class)
        .hasMessageContaining("circuit is open for another 1000 ms");
  }

  @Test
  void after_the_break_it_tries_again() {
    // given
    assertThatThrownBy(connector::connect).hasMessageContaining("after 3 tries");

    // when
    clock.advance(Duration.ofSeconds(30));

    // then
    assertThatThrownBy(connector::connect).hasMessageContaining("after 3 tries");
  }
}
