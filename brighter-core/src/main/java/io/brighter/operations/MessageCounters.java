package io.brighter.operations;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.observability.MessagingMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, since the service started, the messages each subscription settled (handled, requeued,
 * rejected) and each topic's sends, for {@link BrighterOperations}; every call is passed on to the
 * metrics it wraps, so it sits in front of the application's own. Give the same instance to the
 * command processor's and the dispatcher's builders. Thread-safe.
 *
 * {@snippet :
 * MessageCounters counters = new MessageCounters(new MicrometerMessagingMetrics(registry));
 * CommandProcessor.builder().metrics(counters);
 * new DispatcherBuilder().metrics(counters);
 * }
 */
public final class MessageCounters implements MessagingMetrics {

  /**
   * What one subscription settled.
   *
   * @param handled messages handled and acknowledged
   * @param requeued messages given back to be delivered again
   * @param rejected messages dead-lettered, rejected or out of delivery budget
   */
  public record Settled(long handled, long requeued, long rejected) {}

  private final MessagingMetrics next;
  private final Map<String, LongAdder[]> settled = new ConcurrentHashMap<>();
  private final Map<RoutingKey, LongAdder> sent = new ConcurrentHashMap<>();

  /** Counters in front of no other metrics. */
  public MessageCounters() {
    this(MessagingMetrics.NONE);
  }

  /** Counters in front of {@code next}, which gets every call too. */
  public MessageCounters(MessagingMetrics next) {
    this.next = requireNonNull(next, "next must not be null");
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

  @Override
  public void sent(RoutingKey topic, Message message) {
    sent.computeIfAbsent(topic, key -> new LongAdder()).increment();
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
    LongAdder[] counts =
        settled.computeIfAbsent(
            subscription.name(),
            name -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    switch (settlement) {
      case ACKNOWLEDGED -> counts[0].increment();
      case REQUEUED -> counts[1].increment();
      case REJECTED, DEAD_LETTERED -> counts[2].increment();
    }
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
