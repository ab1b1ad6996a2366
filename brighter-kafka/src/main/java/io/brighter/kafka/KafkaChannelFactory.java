package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.scheduler.MessageScheduler;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes a {@link KafkaMessageConsumer} for each pump of a subscription, with the Kafka knobs this
 * factory carries. Give each subscription a factory with its own {@link KafkaSubscription}, or
 * share one factory between subscriptions that need the same knobs.
 *
 * {@snippet :
 * KafkaConfiguration kafka = KafkaConfiguration.of("localhost:9092");
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new KafkaChannelFactory(kafka, KafkaSubscription.DEFAULT.withGroupId("greeter")))
 *     .noOfPerformers(3) // one consumer each, sharing the group's partitions
 *     .build();
 * }
 *
 * <p>Performers of one subscription share its consumer group, so Kafka spreads the topic's
 * partitions among them: more performers than partitions leaves some idle. {@link
 * #withDurableRequeues} makes delayed requeues wait in a durable scheduler. Thread-safe.
 */
public final class KafkaChannelFactory implements ChannelFactory {

  private final KafkaConfiguration configuration;
  private final KafkaSubscription settings;
  private final @Nullable MessageScheduler requeues;

  /** A factory with the default Kafka knobs. */
  public KafkaChannelFactory(KafkaConfiguration configuration) {
    this(configuration, KafkaSubscription.DEFAULT);
  }

  /** A factory with {@code settings}. */
  public KafkaChannelFactory(KafkaConfiguration configuration, KafkaSubscription settings) {
    this(configuration, settings, null);
  }

  private KafkaChannelFactory(
      KafkaConfiguration configuration,
      KafkaSubscription settings,
      @Nullable MessageScheduler requeues) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.settings = requireNonNull(settings, "settings must not be null");
    this.requeues = requeues;
  }

  /**
   * This factory, with consumers whose delayed requeues wait in {@code scheduler}, stored before
   * the original's offset is committed (see {@link KafkaMessageConsumer}): an {@link
   * io.brighter.scheduler.OutboxScheduler} on the outbox a sweeper sweeps, whose command processor
   * has a producer for the subscription's topic.
   */
  public KafkaChannelFactory withDurableRequeues(MessageScheduler scheduler) {
    return new KafkaChannelFactory(
        configuration, settings, requireNonNull(scheduler, "scheduler must not be null"));
  }

  /** The Kafka knobs of the consumers this factory makes. */
  public KafkaSubscription settings() {
    return settings;
  }

  /** The subscription's dead-letter topic and, when set, its invalid-message topic. */
  @Override
  public List<DeadLetterQueue> deadLetterQueues(Subscription subscription) {
    List<DeadLetterQueue> queues = new ArrayList<>();
    queues.add(new KafkaDeadLetterQueue(configuration, subscription.deadLetterRoutingKey()));
    RoutingKey invalid = settings.invalidMessageRoutingKey();
    if (invalid != null && !invalid.equals(subscription.deadLetterRoutingKey())) {
      queues.add(new KafkaDeadLetterQueue(configuration, invalid));
    }
    return List.copyOf(queues);
  }

  @Override
  public MessageConsumer createConsumer(Subscription subscription) {
    return new KafkaMessageConsumer(configuration, subscription, settings, requeues);
  }
}
