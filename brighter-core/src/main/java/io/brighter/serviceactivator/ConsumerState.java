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
 * @param restarts how many pumps died in a row before this one in its place: 0 for a pump the
 *     dispatcher started because it was asked to
 * @param channelFailure why the pump's channel fails, while its receives fail (the broker away,
 *     say) and the pump retries; null once a receive succeeds
 */
public record ConsumerState(
    String subscriptionName,
    String consumerName,
    MessagePumpStatus status,
    @Nullable Throwable error,
    int restarts,
    @Nullable Throwable channelFailure) {

  /** Checks the required parts. */
  public ConsumerState {
    requireNonNull(subscriptionName, "subscriptionName must not be null");
    requireNonNull(consumerName, "consumerName must not be null");
    requireNonNull(status, "status must not be null");
  }

  /** A pump whose channel is not failing. */
  public ConsumerState(
      String subscriptionName,
      String consumerName,
      MessagePumpStatus status,
      @Nullable Throwable error,
      int restarts) {
    this(subscriptionName, consumerName, status, error, restarts, null);
  }

  /** A pump that did not replace one that died. */
  public ConsumerState(
      String subscriptionName,
      String consumerName,
      MessagePumpStatus status,
      @Nullable Throwable error) {
    this(subscriptionName, consumerName, status, error, 0);
  }

  /** Whether the pump is reading messages. */
  public boolean running() {
    return status == MessagePumpStatus.STARTED;
  }

  /** Whether the pump runs but its channel fails, so it reads nothing until the channel is back. */
  public boolean channelFailing() {
    return running() && channelFailure != null;
  }
}
