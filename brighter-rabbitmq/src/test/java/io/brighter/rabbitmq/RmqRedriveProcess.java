package io.brighter.rabbitmq;

import java.net.URI;
import java.time.Duration;

/**
 * A process that only re-drives a dead-letter queue, slowly, so {@link RmqDeadLetterQueueIT} can
 * kill it half-way: {@code RmqRedriveProcess <amqp uri> <exchange> <dead-letter queue>}.
 */
public final class RmqRedriveProcess {

  private RmqRedriveProcess() {}

  /** Re-drives every dead letter of the queue, ten milliseconds each. */
  public static void main(String[] args) {
    RmqConnection connection =
        RmqConnection.builder()
            .uri(URI.create(args[0]))
            .exchange(RmqExchange.direct(args[1]))
            .connectionName("brighter-test-redrive")
            .build();
    int redriven =
        new RmqDeadLetterQueue(connection, args[2])
            .redrive(
                letter -> {
                  pause(Duration.ofMillis(10));
                  return true;
                },
                Integer.MAX_VALUE);
    System.out.println("re-drove " + redriven);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
