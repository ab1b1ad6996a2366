package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.Publication;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What the SNS and SQS producers share: a send now, on the blocking or the asynchronous client, and
 * a delayed send that the service holds back itself when it can, else hands to the scheduler.
 */
abstract sealed class AwsMessageProducer implements MessageProducer, MessageProducerAsync
    permits SnsMessageProducer, SqsMessageProducer {

  private final Publication publication;
  private final @Nullable MessageScheduler scheduler;

  AwsMessageProducer(Publication publication, @Nullable MessageScheduler scheduler) {
    this.publication = requireNonNull(publication, "publication must not be null");
    this.scheduler = scheduler;
  }

  /** Sends {@code message} on the blocking client, held back by {@code delay} (zero or native). */
  abstract void sendNow(Message message, Duration delay);

  /** Sends {@code message} on the asynchronous client, held back by {@code delay}. */
  abstract CompletableFuture<Void> sendNowAsync(Message message, Duration delay);

  /** Whether the service itself can hold a message back for {@code delay} (never zero). */
  abstract boolean holdsBack(Duration delay);

  /** Why the service cannot hold {@code message} back for {@code delay}, to tell the user. */
  abstract String cannotHoldBack(Message message, Duration delay);

  @Override
  public final Publication publication() {
    return publication;
  }

  @Override
  public final void send(Message message) {
    sendNow(requireNonNull(message, "message must not be null"), Duration.ZERO);
  }

  /**
   * Sends {@code message} to be delivered after {@code delay}: held back by the service when it
   * can, else by the scheduler.
   *
   * @throws ConfigurationException when the delay needs a scheduler and none was given
   */
  @Override
  public final void sendWithDelay(Message message, Duration delay) {
    if (!scheduled(message, delay)) {
      sendNow(message, delay);
    }
  }

  /**
   * Sends {@code message} now; the future completes when the service has it, or fails with the
   * client's error.
   */
  @Override
  public final CompletableFuture<Void> sendAsync(Message message) {
    return sendNowAsync(requireNonNull(message, "message must not be null"), Duration.ZERO);
  }

  /**
   * Sends {@code message} for delivery after {@code delay}, as {@link #sendWithDelay} does; the
   * future fails with {@link ConfigurationException} when the delay needs a scheduler and none was
   * given.
   */
  @Override
  public final CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    try {
      return scheduled(message, delay)
          ? CompletableFuture.completedFuture(null)
          : sendNowAsync(message, delay);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Hands the message to the scheduler when the service cannot hold it back; true if it did. */
  private boolean scheduled(Message message, Duration delay) {
    requireNonNull(message, "message must not be null");
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    if (delay.isZero() || holdsBack(delay)) {
      return false;
    }
    if (scheduler == null) {
      throw new ConfigurationException(cannotHoldBack(message, delay));
    }
    scheduler.schedule(message.withHeader(message.header().withDelay(Duration.ZERO)), delay);
    return true;
  }

  /** Closes the producer's clients. */
  @Override
  public abstract void close();
}
