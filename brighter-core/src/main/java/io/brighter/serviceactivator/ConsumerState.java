package io.brighter.serviceactivator;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One message pump as {@link Dispatcher#state()} sees it.
 *
 * {@snippet :
 * for (ConsumerState consumer : dispatcher.state()) {
 *   log.info("{} {} {}", consumer.subscriptionName(), consumer.consumerName(), consumer.status());
 * }
 * }
 *
 * @param subscriptionName the subscription the pump reads
 * @param consumerName the pump's own name, {@code <subscription>-<uuid>}
 * @param status where the pump is
 * @param error what stopped the pump when its status is {@link MessagePumpStatus#ERROR}, else null
 */
public record ConsumerState(
    String subscriptionName,
    String consumerName,
    MessagePumpStatus status,
    @Nullable Throwable error) {

  /** Checks the required parts. */
  public ConsumerState {
    requireNonNull(subscriptionName, "subscriptionName must not be null");
    requireNonNull(consumerName, "consumerName must not be null");
    requireNonNull(status, "status must not be null");
  }

  /** Whether the pump is reading messages. */
  public boolean running() {
    return status == MessagePumpStatus.STARTED;
  }
}
