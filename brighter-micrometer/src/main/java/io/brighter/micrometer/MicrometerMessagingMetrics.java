package io.brighter.micrometer;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.observability.MessagingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records Brighter's messaging in a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@value #SENT} and {@value #SEND_FAILURES}, tagged {@code topic}: messages handed to a
 *       producer, and sends that failed, at once or when the broker refused, returned or never
 *       confirmed the message (those stay in the outbox for the sweeper);
 *   <li>{@value #CONSUMED}, {@value #REQUEUED}, {@value #REJECTED} and {@value #DEAD_LETTERED},
 *       tagged {@code subscription} and {@code topic}: how pumps settled messages (rejected: to the
 *       dead-letter channel as unacceptable or by the handler's choice; dead-lettered: to it after
 *       the delivery budget was spent);
 *   <li>{@value #PROCESSING}, a timer tagged {@code subscription} and {@code topic}: mapping,
 *       handling and settling one message;
 *   <li>{@value #PUMP_FAILURES}, tagged {@code subscription} and {@code exception}: message pumps
 *       that died (the dispatcher starts another after a back-off).
 * </ul>
 *
 * {@snippet :
 * MicrometerMessagingMetrics metrics = new MicrometerMessagingMetrics(meterRegistry);
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(registry, handlerFactory)
 *     .externalBus(externalBus)
 *     .metrics(metrics)
 *     .build();
 * Dispatcher dispatcher = new DispatcherBuilder()
 *     .commandProcessor(commandProcessor)
 *     .mappers(mappers)
 *     .subscriptions(subscriptions)
 *     .metrics(metrics)
 *     .build();
 * }
 *
 * <p>Meters are registered on first use and then found in a map, so recording allocates nothing
 * once a topic and subscription have been seen.
 */
public final class MicrometerMessagingMetrics implements MessagingMetrics {

  /** Messages handed to a producer. */
  public static final String SENT = "brighter.messages.sent";

  /** Sends that failed. */
  public static final String SEND_FAILURES = "brighter.messages.send.failures";

  /** Messages handled and acknowledged. */
  public static final String CONSUMED = "brighter.messages.consumed";

  /** Messages given back to be delivered again. */
  public static final String REQUEUED = "brighter.messages.requeued";

  /** Messages rejected to the dead-letter channel. */
  public static final String REJECTED = "brighter.messages.rejected";

  /** Messages dead-lettered once their delivery budget was spent. */
  public static final String DEAD_LETTERED = "brighter.messages.deadlettered";

  /** Time spent on one consumed message. */
  public static final String PROCESSING = "brighter.messages.processing";

  /** Message pumps that died. */
  public static final String PUMP_FAILURES = "brighter.pumps.failures";

  private final MeterRegistry registry;
  private final Map<String, TopicMeters> topics = new ConcurrentHashMap<>();
  private final Map<String, Map<String, SubscriptionMeters>> subscriptions =
      new ConcurrentHashMap<>();

  /** Records in {@code registry}. */
  public MicrometerMessagingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void sent(RoutingKey topic, Message message) {
    topicMeters(topic).sent().increment();
  }

  @Override
  public void sendFailed(RoutingKey topic, Message message) {
    topicMeters(topic).failures().increment();
  }

  @Override
  public void deliveryFailed(RoutingKey topic, Id messageId) {
    topicMeters(topic).failures().increment();
  }

  @Override
  public void pumpFailed(Subscription subscription, Throwable cause) {
    counter(
            PUMP_FAILURES,
            "Message pumps that died; the dispatcher starts another after a back-off",
            Tags.of(
                "subscription", subscription.name(), "exception", cause.getClass().getSimpleName()))
        .increment();
  }

  @Override
  public void settled(Subscription subscription, Message message, Settlement settlement) {
    SubscriptionMeters meters = subscriptionMeters(subscription, message);
    switch (settlement) {
      case ACKNOWLEDGED -> meters.consumed().increment();
      case REQUEUED -> meters.requeued().increment();
      case REJECTED -> meters.rejected().increment();
      case DEAD_LETTERED -> meters.deadLettered().increment();
    }
  }

  @Override
  public void processed(Subscription subscription, Message message, Duration duration) {
    subscriptionMeters(subscription, message).processing().record(duration);
  }

  private TopicMeters topicMeters(RoutingKey topic) {
    return topics.computeIfAbsent(
        topic.value(),
        name -> {
          Tags tags = Tags.of("topic", name);
          return new TopicMeters(
              counter(SENT, "Messages handed to a producer", tags),
              counter(SEND_FAILURES, "Sends that failed; the messages stay in the outbox", tags));
        });
  }

  private SubscriptionMeters subscriptionMeters(Subscription subscription, Message message) {
    return subscriptions
        .computeIfAbsent(subscription.name(), name -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            message.header().topic().value(),
            topic -> {
              Tags tags = Tags.of("subscription", subscription.name(), "topic", topic);
              return new SubscriptionMeters(
                  counter(CONSUMED, "Messages handled and acknowledged", tags),
                  counter(REQUEUED, "Messages given back to be delivered again", tags),
                  counter(REJECTED, "Messages rejected to the dead-letter channel", tags),
                  counter(
                      DEAD_LETTERED, "Messages dead-lettered after their delivery budget", tags),
                  Timer.builder(PROCESSING)
                      .description("Mapping, handling and settling one message")
                      .tags(tags)
                      .register(registry));
            });
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private record TopicMeters(Counter sent, Counter failures) {}

  private record SubscriptionMeters(
      Counter consumed,
      Counter requeued,
      Counter rejected,
      Counter deadLettered,
      Timer processing) {}
}
