package io.brighter.operations;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.observability.MessagingMetrics;
import io.brighter.observability.MessagingMetrics.Settlement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, since the service started, the messages each subscription settled (handled, requeued,
 * rejected) and each topic's sends, for {@link BrighterOperations}. {@link #counting} gives the
 * metrics that count into it and pass every call on to the metrics they wrap, so they sit in front
 * of the application's own; give the same ones to the command processor's and the dispatcher's
 * builders. Thread-safe.
 *
 * {@snippet :
 * MessageCounters counters = new MessageCounters();
 * MessagingMetrics metrics = counters.counting(new MicrometerMessagingMetrics(registry));
 * CommandProcessor.builder().metrics(metrics);
 * new DispatcherBuilder().metrics(metrics);
 * }
 */
public final class MessageCounters {

  /**
   * What one subscription settled.
   *
   * @param handled messages handled and acknowledged
   * @param requeued messages given back to be delivered again
   * @param rejected messages dead-lettered, rejected or out of delivery budget
   */
  public record Settled(long handled, long requeued, long rejected) {}

  private final Map<String, LongAdder[]> settled = new ConcurrentHashMap<>();
  private final Map<RoutingKey, LongAdder> sent = new ConcurrentHashMap<>();

  /** Counters at zero. */
  public MessageCounters() {}

  /** Metrics that count into these counters, then pass every call on to {@code next}. */
  public MessagingMetrics counting(MessagingMetrics next) {
    return new Counting(requireNonNull(next, "next must not be null"));
  }

  /** What {@code subscription} settled so far. */
  public Settled settled(String subscription) {
    LongAdder[] counts = settled.get(subscription);
    return counts == null
        ? new Settled(0, 0, 0)
        : new Settled(counts[0].sum(), counts[1].sum(), counts[2].sum());
  }

  /** How many messages were sent to {@code topic} so far. */
  public long sent(RoutingKey topic) {
    LongAdder count = sent.get(topic);
    return count == null ? 0 : count.sum();
  }

  /** How many messages were sent so far, to every topic. */
  public long sent() {
    return sent.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private void countSent(RoutingKey topic) {
    sent.computeIfAbsent(topic, key -> new LongAdder()).increment();
  }

  private void countSettled(Subscription subscription, Settlement settlement) {
    LongAdder[] counts =
        settled.computeIfAbsent(
            subscription.name(),
            name -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    switch (settlement) {
      case ACKNOWLEDGED -> counts[0].increment();
      case REQUEUED -> counts[1].increment();
      case REJECTED, DEAD_LETTERED -> counts[2].increment();
    }
  }

  /** The metrics {@link #counting} gives. */
  private final class Counting implements MessagingMetrics {
    private final MessagingMetrics next;

    Counting(MessagingMetrics next) {
      this.next = next;
    }

    @Override
    public void sent(RoutingKey topic, Message message) {
      countSent(topic);
      next.sent(topic, message);
    }

    @Override
    public void sendFailed(RoutingKey topic, Message message) {
      next.sendFailed(topic, message);
    }

    @Override
    public void deliveryFailed(RoutingKey topic, Id messageId) {
      next.deliveryFailed(topic, messageId);
    }

    @Override
    public void settled(Subscription subscription, Message message, Settlement settlement) {
      countSettled(subscription, settlement);
      next.settled(subscription, message, settlement);
    }

    @Override
    public void processed(Subscription subscription, Message message, Duration duration) {
      next.processed(subscription, message, duration);
    }

    @Override
    public void pumpFailed(Subscription subscription, Throwable cause) {
      next.pumpFailed(subscription, cause);
    }
  }
}
