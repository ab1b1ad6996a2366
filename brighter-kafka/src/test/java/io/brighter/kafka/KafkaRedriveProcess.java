package io.brighter.kafka;

import io.brighter.messaging.RoutingKey;
import java.time.Duration;

/**
 * A process that only re-drives a Kafka dead-letter topic, slowly, so {@link
 * KafkaDeadLetterQueueIT} can kill it half-way: {@code KafkaRedriveProcess <bootstrap servers>
 * <dead-letter topic>}.
 */
public final class KafkaRedriveProcess {

  private KafkaRedriveProcess() {}

  /** Re-drives every dead letter of the topic, ten milliseconds each. */
  public static void main(String[] args) {
    int redriven =
        new KafkaDeadLetterQueue(KafkaConfiguration.of(args[0]), RoutingKey.of(args[1]))
            .redrive(
                letter -> {
                  try {
                    Thread.sleep(Duration.ofMillis(10));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return true;
                },
                Integer.MAX_VALUE);
    System.out.println("re-drove " + redriven);
  }
}
