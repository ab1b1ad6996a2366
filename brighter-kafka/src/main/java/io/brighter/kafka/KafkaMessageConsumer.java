package io.brighter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.kafka.internal.ConnectionWatch;
import io.brighter.kafka.internal.KafkaWireFormat;
import io.brighter.kafka.internal.OffsetLedger;
import io.brighter.kafka.internal.RecordPosition;
import io.brighter.kafka.internal.TopicProvisioner;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.wire.RejectionHeaders;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subscription's topic as a member of a Kafka consumer group (by default the subscription's
 * channel name) and commits offsets by hand, only for messages that were settled. Made by {@link
 * KafkaChannelFactory} for a dispatcher's pumps, or directly:
 *
 * {@snippet :
 * var consumer = new KafkaMessageConsumer(configuration, subscription, KafkaSubscription.DEFAULT);
 * for (Message message : consumer.receive(Duration.ofSeconds(1))) {
 *   handle(message);
 *   consumer.acknowledge(message);
 * }
 * }
 *
 * <p><b>Offsets.</b> Each received message carries a receipt with its partition and offset. A
 * partition's committed offset is its lowest unsettled offset, or one past the highest settled one,
 * so no offset is ever committed past a message that was not handled, and a fully drained partition
 * is committed to its log end (no lag left behind). Commits happen after {@link
 * KafkaSubscription#commitBatchSize()} settlements, on the next receive or settlement once {@link
 * KafkaSubscription#commitInterval()} has passed, synchronously for the partitions a rebalance
 * revokes, and on {@link #close}. Messages a pump received but did not settle (it stopped
 * mid-batch) are read again by the next {@link #receive}.
 *
 * <p><b>Requeue</b> produces a copy of the message, carrying its handled count, to the tail of the
 * topic and then settles the original. The copy goes to the same partition (same key), but behind
 * messages sent since, so <b>a requeue breaks per-key order</b>: retrying in place would keep the
 * order but hold up every later message of the partition for the whole requeue delay, and lose the
 * handled count on a rebalance. A requeue with a delay, given a durable {@link MessageScheduler}
 * (such as an {@link io.brighter.scheduler.OutboxScheduler}), hands the copy to it and then settles
 * the original: the copy is stored before the original's offset can be committed, so a crash in
 * between gives a duplicate, never a loss, and a crash inside the delay loses nothing (the store's
 * sweeper sends the copy when it is due; its command processor needs a producer for the topic).
 * Without one, or when it cannot store the copy (its database is away), the copy waits on a timer
 * of this consumer's and is produced when the delay is over; until then the original stays
 * unsettled, so its partition's commits wait at its offset (holding back the commits of what came
 * after it) and a crash inside the delay delivers it (and what came after it) again rather than
 * losing it. A copy Kafka does not take is tried again every second; closing the consumer, or
 * losing the partition, drops the wait, and the original is read again.
 *
 * <p><b>Reject</b> produces the message to the subscription's dead-letter routing key, with the
 * rejection headers every transport adds ({@link io.brighter.messaging.wire.RejectionHeaders}: the
 * reason, the original topic and type, the time), then settles the original. A record that could
 * not be read goes as it came (key, value and every header), with those headers added. <b>Nack</b>
 * seeks the partition back to the message, so it (and what came after it on that partition) is read
 * again; nothing past it is committed meanwhile. Unacceptable messages (a {@link
 * io.brighter.messaging.RejectionReason} of kind {@code UNACCEPTABLE}) go to {@link
 * KafkaSubscription#invalidMessageRoutingKey()} instead when it is set. If Kafka does not take the
 * rejected or requeued copy, the method returns false and the original stays unsettled: its
 * partition's commits wait at its offset, so the group reads it again after a restart or rebalance.
 *
 * <p><b>Outages.</b> Kafka's own poll returns nothing while the cluster is away and reconnects by
 * itself. So that the pump and the health checks see the outage, a receive that finds the consumer
 * without a connection to any broker for more than five seconds throws {@link
 * ChannelFailureException}; the pump waits and receives again, which goes on reconnecting.
 *
 * <p><b>Topics.</b> The constructor provisions the topic and the dead-letter (and invalid-message)
 * topics as the subscription's {@code makeChannels} says. {@link #purge} moves the group's offsets
 * of this consumer's partitions to the log end. Not thread-safe: a pump calls it from one thread.
 */
public final class KafkaMessageConsumer implements MessageConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaMessageConsumer.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration DELAYED_RETRY = Duration.ofSeconds(1);

  /**
   * How long the consumer may be without a broker before its receives report the channel failed.
   */
  private static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(5);

  private final KafkaConfiguration configuration;
  private final Subscription subscription;
  private final KafkaSubscription settings;
  private final @Nullable MessageScheduler requeues;
  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final ConnectionWatch connections;
  private final OffsetLedger ledger = new OffsetLedger();
  // The records handed out that could not be read, by position, for their dead-letter copies.
  private final Map<RecordPosition, ConsumerRecord<String, byte[]>> unreadable = new HashMap<>();
  // Delayed requeues waiting on the timer, and those whose copy Kafka took (timer's thread).
  private final Map<RecordPosition, ScheduledFuture<?>> delayed = new ConcurrentHashMap<>();
  private final Queue<RecordPosition> delayedDone = new ConcurrentLinkedQueue<>();
  private @Nullable ScheduledExecutorService timer;
  private @Nullable KafkaMessageProducer resender;
  private long lastCommitNanos = System.nanoTime();
  private boolean closed;

  /**
   * A consumer of {@code subscription}'s routing key.
   *
   * @param settings the Kafka knobs
   * @throws ConfigurationException when the topics must exist and do not
   */
  public KafkaMessageConsumer(
      KafkaConfiguration configuration, Subscription subscription, KafkaSubscription settings) {
    this(configuration, subscription, settings, null);
  }

  /**
   * A consumer of {@code subscription}'s routing key whose delayed requeues wait in {@code
   * requeues}, a durable scheduler, as the class comment says; null to wait on a timer of the
   * consumer's own.
   *
   * @param settings the Kafka knobs
   * @throws ConfigurationException when the topics must exist and do not
   */
  public KafkaMessageConsumer(
      KafkaConfiguration configuration,
      Subscription subscription,
      KafkaSubscription settings,
      @Nullable MessageScheduler requeues) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.subscription = requireNonNull(subscription, "subscription must not be null");
    this.settings = requireNonNull(settings, "settings must not be null");
    this.requeues = requeues;
    this.topic = subscription.routingKey().value();
    TopicProvisioner.provision(
        configuration.clientProperties("admin"),
        topics(),
        subscription.makeChannels(),
        settings.numPartitions(),
        settings.replicationFactor(),
        settings.topicFindTimeout());
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic), new CommitOnRevoke());
    this.connections =
        new ConnectionWatch(
            consumer::metrics, "consumer-metrics", UNREACHABLE_AFTER, System::nanoTime);
  }

  /** The consumer group this consumer belongs to. */
  public String groupId() {
    return settings.groupId() != null ? settings.groupId() : subscription.channelName();
  }

  @Override
  public List<Message> receive(Duration timeout) {
    requireNonNull(timeout, "timeout must not be null");
    ensureOpen();
    ConsumerRecords<String, byte[]> records;
    try {
      settleDelayed();
      records = consumer.poll(timeout);
      commitIfDue();
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      throw ChannelFailureException.of(subscription.channelName(), e);
    }
    if (records.isEmpty()) {
      Duration away = connections.check();
      if (away != null) {
        throw new ChannelFailureException(
            "Channel "
                + subscription.channelName()
                + " has had no connection to any Kafka broker of "
                + configuration.bootstrapServers()
                + " for "
                + away.toSeconds()
                + " s",
            null);
      }
    }
    List<Message> messages = new ArrayList<>(records.count());
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        ledger.delivered(partition, record.offset());
        RecordPosition position =
            new RecordPosition(record.topic(), record.partition(), record.offset());
        Message message = KafkaWireFormat.toMessage(record, new KafkaReceipt(this, position));
        if (message.header().messageType() == MessageType.UNACCEPTABLE) {
          unreadable.put(position, record);
        }
        messages.add(message);
      }
    }
    return messages;
  }

  @Override
  public void acknowledge(Message message) {
    settle(message);
  }

  @Override
  public boolean reject(Message message, RejectionReason reason) {
    requireNonNull(reason, "reason must not be null");
    RoutingKey invalid = settings.invalidMessageRoutingKey();
    RoutingKey target =
        invalid != null && reason.unacceptable() ? invalid : subscription.deadLetterRoutingKey();
    Map<String, String> rejection = RejectionHeaders.of(message, reason, Instant.now());
    RecordPosition position = positionOf(message);
    ConsumerRecord<String, byte[]> raw = position == null ? null : unreadable.get(position);
    try {
      if (raw != null) {
        resender()
            .sendAndWait(
                message.id(), deadLetterCopy(raw, target, rejection), settings.topicFindTimeout());
      } else {
        MessageHeader header = message.header().toBuilder().topic(target).bag(rejection).build();
        resender().sendAndWait(message.withHeader(header), settings.topicFindTimeout());
      }
    } catch (KafkaException e) {
      LOG.error(
          "Could not dead-letter message {} to {}; it stays unsettled", message.id(), target, e);
      return false;
    }
    settle(message);
    return true;
  }

  /**
   * The dead-letter copy of a record that could not be read: its key, value and headers as they
   * came, with the {@code rejection} headers added.
   */
  private static ProducerRecord<String, byte[]> deadLetterCopy(
      ConsumerRecord<String, byte[]> raw, RoutingKey target, Map<String, String> rejection) {
    Headers headers = new RecordHeaders(raw.headers().toArray());
    rejection.forEach(
        (name, value) -> {
          headers.remove(name);
          headers.add(name, value.getBytes(UTF_8));
        });
    return new ProducerRecord<>(target.value(), null, raw.key(), raw.value(), headers);
  }

  /**
   * Seeks the message's partition back to its offset, so the next receive reads it again; it stays
   * unsettled, so no commit passes it.
   *
   * @return false when the message was not received by this consumer, or its partition is no longer
   *     this consumer's
   */
  @Override
  public boolean nack(Message message) {
    RecordPosition position = positionOf(message);
    if (position == null || !consumer.assignment().contains(position.topicPartition())) {
      return false;
    }
    try {
      consumer.seek(position.topicPartition(), position.offset());
    } catch (KafkaException e) {
      throw ChannelFailureException.of(subscription.channelName(), e);
    }
    return true;
  }

  /**
   * Produces a copy of {@code message} to the topic, at once, or after {@code delay} through the
   * durable scheduler or while the original stays unsettled, as the class comment says.
   *
   * @return false when Kafka did not take an immediate copy, the scheduler did not store a delayed
   *     one, or the message was not received by this consumer
   */
  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    Message copy =
        message.withHeader(
            message.header().toBuilder().topic(subscription.routingKey()).delay(delay).build());
    if (delay.isZero()) {
      try {
        resender().sendAndWait(copy, settings.topicFindTimeout());
      } catch (KafkaException e) {
        LOG.error("Could not requeue message {}; it stays unsettled", message.id(), e);
        return false;
      }
      settle(message);
      return true;
    }
    RecordPosition position = positionOf(message);
    if (position == null) {
      LOG.warn("Message {} was not received by this consumer; not requeued", message.id());
      return false;
    }
    if (requeues != null) {
      try {
        requeues.schedule(copy, delay);
        settle(message);
        return true;
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not store the delayed requeue of {}; it waits on this consumer's timer instead",
            copy.id(),
            e);
      }
    }
    unreadable.remove(position);
    requeueAfter(position, copy, delay);
    return true;
  }

  /** Produces {@code copy} after {@code delay}, then queues {@code position} to be settled. */
  private void requeueAfter(RecordPosition position, Message copy, Duration delay) {
    delayed.put(
        position,
        timer()
            .schedule(
                () -> {
                  try {
                    resender().sendAndWait(copy, settings.topicFindTimeout());
                    delayed.remove(position);
                    delayedDone.add(position);
                  } catch (KafkaException e) {
                    LOG.warn(
                        "Could not requeue message {} after its delay; trying again in {}",
                        copy.id(),
                        DELAYED_RETRY,
                        e);
                    requeueAfter(position, copy, DELAYED_RETRY);
                  }
                },
                delay.toNanos(),
                TimeUnit.NANOSECONDS));
  }

  /** Settles the originals of the delayed requeues whose copies Kafka took. */
  private void settleDelayed() {
    for (RecordPosition done = delayedDone.poll(); done != null; done = delayedDone.poll()) {
      ledger.settled(done.topicPartition(), done.offset());
    }
  }

  private ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("brighter-kafka-requeues-" + topic).factory());
    }
    return timer;
  }

  /** Drops the delayed requeues of {@code partitions}: their originals are read again. */
  private void dropDelayed(Collection<TopicPartition> partitions) {
    delayed
        .entrySet()
        .removeIf(
            entry -> {
              boolean dropped = partitions.contains(entry.getKey().topicPartition());
              if (dropped) {
                entry.getValue().cancel(false);
              }
              return dropped;
            });
    delayedDone.removeIf(position -> partitions.contains(position.topicPartition()));
    unreadable.keySet().removeIf(position -> partitions.contains(position.topicPartition()));
  }

  /** Moves the group's offsets of this consumer's partitions to the log end. */
  @Override
  public void purge() {
    ensureOpen();
    long deadline = System.nanoTime() + settings.topicFindTimeout().toNanos();
    try {
      while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)); // joins the group; what it reads is purged anyway
      }
      Set<TopicPartition> assigned = consumer.assignment();
      consumer.seekToEnd(assigned);
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      for (TopicPartition partition : assigned) {
        ends.put(partition, new OffsetAndMetadata(consumer.position(partition)));
      }
      ledger.forget(assigned);
      consumer.commitSync(ends);
    } catch (KafkaException e) {
      throw ChannelFailureException.of(subscription.channelName(), e);
    }
  }

  /**
   * Commits what was settled, leaves the group, and closes the client; a second call does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (timer != null) {
        timer.shutdownNow(); // delayed originals stay uncommitted, and are read again
      }
      settleDelayed();
      commitNow(ledger.committable());
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    } finally {
      if (resender != null) {
        resender.close();
      }
    }
  }

  private void settle(Message message) {
    RecordPosition position = positionOf(message);
    if (position == null) {
      LOG.warn("Message {} was not received by this consumer; not settled", message.id());
      return;
    }
    unreadable.remove(position);
    settleDelayed();
    if (ledger.settled(position.topicPartition(), position.offset())) {
      commitIfDue();
    }
  }

  /** Where {@code message} was read, when this consumer received it. */
  private @Nullable RecordPosition positionOf(Message message) {
    return message.receipt() instanceof KafkaReceipt receipt && receipt.consumer() == this
        ? receipt.position()
        : null;
  }

  /** This consumer's token for one record it handed out. */
  private record KafkaReceipt(KafkaMessageConsumer consumer, RecordPosition position)
      implements Receipt {}

  private void commitIfDue() {
    boolean batchFull = ledger.settledSinceCommit() >= settings.commitBatchSize();
    boolean intervalPassed =
        System.nanoTime() - lastCommitNanos >= settings.commitInterval().toNanos();
    if (batchFull || intervalPassed) {
      Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
      lastCommitNanos = System.nanoTime();
      if (offsets.isEmpty()) {
        return;
      }
      ledger.committed(offsets);
      consumer.commitAsync(
          offsets,
          (committed, failure) -> {
            if (failure != null) {
              LOG.warn("Commit of {} failed; will commit again", offsets, failure);
              ledger.commitFailed(offsets);
            }
          });
    }
  }

  private void commitNow(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, CLOSE_TIMEOUT);
      ledger.committed(offsets);
      lastCommitNanos = System.nanoTime();
    } catch (KafkaException e) {
      LOG.warn("Commit of {} failed; those messages will be delivered again", offsets, e);
    }
  }

  private KafkaMessageProducer resender() {
    if (resender == null) {
      Publication publication =
          Publication.builder()
              .topic(subscription.routingKey())
              .makeChannels(OnMissingChannel.ASSUME)
              .build();
      resender = new KafkaMessageProducer(configuration, KafkaPublication.of(publication));
    }
    return resender;
  }

  private List<String> topics() {
    List<String> topics = new ArrayList<>();
    topics.add(topic);
    topics.add(subscription.deadLetterRoutingKey().value());
    if (settings.invalidMessageRoutingKey() != null) {
      topics.add(settings.invalidMessageRoutingKey().value());
    }
    return topics;
  }

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = configuration.clientProperties("consumer-" + topic);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        settings.offsetReset().name().toLowerCase(Locale.ROOT));
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, subscription.bufferSize());
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
    props.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putAll(settings.consumerProperties());
    return props;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Kafka consumer of " + topic + " is closed");
    }
  }

  /** Commits what was settled on partitions a rebalance takes away, then forgets them. */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      settleDelayed();
      dropDelayed(partitions);
      commitNow(ledger.committable(partitions));
      ledger.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      dropDelayed(partitions);
      ledger.forget(partitions);
    }
  }
}
