package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.internal.CoalescingDrain;
import io.brighter.internal.Futures;
import io.brighter.kafka.internal.KafkaWireFormat;
import io.brighter.kafka.internal.TopicProvisioner;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Kafka, each to the topic in its header (the publication's topic, or a reply
 * address), keyed by the header's partition key so that messages with one key keep their order on
 * one partition. Every send is acknowledged by all in-sync replicas ({@code acks=all}) with
 * idempotence on.
 *
 * {@snippet :
 * var producer = new KafkaMessageProducer(
 *     KafkaConfiguration.of("localhost:9092"),
 *     KafkaPublication.of(Publication.builder()
 *         .topic(RoutingKey.of("greeting.added"))
 *         .requestType(GreetingAdded.class)
 *         .build()));
 * ProducerRegistry producers = ProducerRegistry.of(List.of(producer));
 * }
 *
 * <p><b>Delivery reports.</b> {@link #send} hands the message to the Kafka client and returns; the
 * broker's acknowledgement (or the failure after the delivery timeout) comes later as a {@link
 * PublishConfirmation} to the listeners of {@link #onConfirmation}, which is how the outbox marks a
 * message dispatched only once Kafka has it. {@link #sendAsync} completes its future at the same
 * moment. Listeners and futures run off the Kafka client's network thread, the reports that arrive
 * meanwhile coalesced into one call ({@link CoalescingDrain}), so a listener that writes to a
 * database does not stall sending.
 *
 * <p><b>Topic.</b> The first send provisions the publication's topic as its {@link
 * Publication#makeChannels()} says: {@code CREATE} creates it with {@link
 * KafkaPublication#numPartitions()} and {@link KafkaPublication#replicationFactor()}, {@code
 * VALIDATE} throws a {@link ConfigurationException} when it is missing, {@code ASSUME} checks
 * nothing.
 *
 * <p><b>Delay.</b> Kafka cannot hold a message back, so {@link #sendWithDelay} with a non-zero
 * delay hands the message to the {@link MessageScheduler} given to the constructor, which sends it
 * through its producer registry when due; with no scheduler it throws a {@link
 * ConfigurationException}. Thread-safe.
 */
public final class KafkaMessageProducer implements MessageProducer, MessageProducerAsync {

  /** Kafka's default {@code max.request.size}. */
  private static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

  private static final Logger LOG = LoggerFactory.getLogger(KafkaMessageProducer.class);
  private static final int MAX_REPORTS = 10_000;

  private final KafkaConfiguration configuration;
  private final KafkaPublication settings;
  private final @Nullable MessageScheduler scheduler;
  private final long maxMessageBytes;
  private final Producer<String, byte[]> producer;
  private final CoalescingDrain<Report> reports;
  private final List<Consumer<PublishConfirmation>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<PublishConfirmation>>> batchListeners =
      new CopyOnWriteArrayList<>();
  private volatile boolean provisioned;

  /** A producer for {@code publication} that cannot delay. */
  public KafkaMessageProducer(KafkaConfiguration configuration, KafkaPublication publication) {
    this(configuration, publication, null);
  }

  /** A producer for {@code publication} that delays through {@code scheduler} when given. */
  public KafkaMessageProducer(
      KafkaConfiguration configuration,
      KafkaPublication publication,
      @Nullable MessageScheduler scheduler) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.settings = requireNonNull(publication, "publication must not be null");
    this.scheduler = scheduler;
    TopicProvisioner.checkNames(List.of(publication.publication().topic().value()));
    Map<String, Object> properties = producerProperties(configuration, publication);
    this.maxMessageBytes =
        Long.parseLong(
            String.valueOf(
                properties.getOrDefault(
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE)));
    this.producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    String topic = publication.publication().topic().value();
    this.reports =
        new CoalescingDrain<>(
            "brighter-kafka-reports-" + publication.publication().topic().value(),
            MAX_REPORTS,
            this::report);
  }

  @Override
  public Publication publication() {
    return settings.publication();
  }

  /** The producer's {@code max.request.size}: the largest record Kafka's client sends. */
  @Override
  public long maxMessageBytes() {
    return maxMessageBytes;
  }

  /** The Kafka knobs of this producer's publication. */
  public KafkaPublication kafkaPublication() {
    return settings;
  }

  /**
   * Hands {@code message} to the Kafka client; its delivery is reported to the {@link
   * #onConfirmation} listeners.
   *
   * @throws ConfigurationException when the topic must exist and does not
   * @throws KafkaException when the client cannot take the message
   */
  @Override
  public void send(Message message) {
    dispatch(message);
  }

  /**
   * Sends {@code message} now when {@code delay} is zero, else schedules it.
   *
   * @throws ConfigurationException when there is a delay and no scheduler
   */
  @Override
  public void sendWithDelay(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isZero()) {
      send(message);
    } else {
      schedule(message, delay);
    }
  }

  /** True: deliveries are reported through {@link #onConfirmation}. */
  @Override
  public boolean confirmsPublication() {
    return true;
  }

  @Override
  public void onConfirmation(Consumer<PublishConfirmation> listener) {
    listeners.add(requireNonNull(listener, "listener must not be null"));
  }

  /** Tells {@code listener} of every delivery report Kafka gave since the last call, at once. */
  @Override
  public void onConfirmations(Consumer<List<PublishConfirmation>> listener) {
    batchListeners.add(requireNonNull(listener, "listener must not be null"));
  }

  /** A future that completes when Kafka acknowledges {@code message}, or fails. */
  @Override
  public CompletableFuture<Void> sendAsync(Message message) {
    return Futures.call(() -> dispatch(message));
  }

  @Override
  public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    return Futures.call(
        () -> {
          if (delay.isZero()) {
            return dispatch(message);
          }
          schedule(message, delay);
          return CompletableFuture.completedFuture(null);
        });
  }

  /** Sends what is buffered, waits for its reports, and releases the client. */
  @Override
  public void close() {
    try {
      producer.close(settings.deliveryTimeout());
    } finally {
      if (!reports.awaitIdle(settings.deliveryTimeout())) {
        LOG.warn("Delivery reports of {} still running after close", publication().topic());
      }
    }
  }

  /**
   * Sends {@code message} and waits up to {@code timeout} for Kafka's acknowledgement: what a
   * consumer does before it settles a message it requeued or dead-lettered.
   *
   * @throws KafkaException when Kafka does not take it in time
   */
  void sendAndWait(Message message, Duration timeout) {
    sendAndWait(
        message.id(), KafkaWireFormat.toRecord(message, message.header().topic().value()), timeout);
  }

  /**
   * Sends {@code record}, the record of message {@code id} as it is to go (a dead-letter copy of a
   * record that could not be read, say), and waits up to {@code timeout} for Kafka's
   * acknowledgement.
   *
   * @throws KafkaException when Kafka does not take it in time
   */
  void sendAndWait(Id id, ProducerRecord<String, byte[]> record, Duration timeout) {
    try {
      dispatch(id, record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      throw new KafkaException("Kafka did not take message " + id, e.getCause());
    } catch (TimeoutException e) {
      throw new org.apache.kafka.common.errors.TimeoutException(
          "Kafka did not acknowledge message " + id + " within " + timeout, e);
    }
  }

  private CompletableFuture<Void> dispatch(Message message) {
    requireNonNull(message, "message must not be null");
    return dispatch(
        message.id(), KafkaWireFormat.toRecord(message, message.header().topic().value()));
  }

  private CompletableFuture<Void> dispatch(Id id, ProducerRecord<String, byte[]> record) {
    provision();
    CompletableFuture<Void> delivered = new CompletableFuture<>();
    producer.send(
        record,
        (metadata, failure) -> {
          reports.add(new Report(id, failure, delivered));
        });
    return delivered;
  }

  /** Tells the listeners of {@code batch}, as one batch, then completes their futures. */
  private void report(List<Report> batch) {
    List<PublishConfirmation> confirmations = batch.stream().map(Report::confirmation).toList();
    for (Consumer<List<PublishConfirmation>> listener : batchListeners) {
      try {
        listener.accept(confirmations);
      } catch (RuntimeException e) {
        LOG.warn("Confirmation listener failed for {} messages", confirmations.size(), e);
      }
    }
    for (PublishConfirmation confirmation : confirmations) {
      for (Consumer<PublishConfirmation> listener : listeners) {
        try {
          listener.accept(confirmation);
        } catch (RuntimeException e) {
          LOG.warn("Confirmation listener failed for message {}", confirmation.messageId(), e);
        }
      }
    }
    batch.forEach(Report::settle);
  }

  /** One delivery report of the Kafka client, waiting for the reports thread. */
  private record Report(Id messageId, @Nullable Exception failure, CompletableFuture<Void> future) {

    PublishConfirmation confirmation() {
      return new PublishConfirmation(messageId, failure == null, failure);
    }

    void settle() {
      if (failure == null) {
        future.complete(null);
      } else {
        LOG.warn("Kafka did not take message {}: {}", messageId, failure.toString());
        future.completeExceptionally(failure);
      }
    }
  }

  private void schedule(Message message, Duration delay) {
    if (scheduler == null) {
      throw new ConfigurationException(
          "Kafka cannot delay messages: give KafkaMessageProducer a MessageScheduler to send "
              + message.id()
              + " after "
              + delay);
    }
    scheduler.schedule(message.withHeader(message.header().withDelay(delay)), delay);
  }

  private void provision() {
    if (provisioned) {
      return;
    }
    Publication publication = publication();
    TopicProvisioner.provision(
        configuration.clientProperties("admin"),
        List.of(publication.topic().value()),
        publication.makeChannels(),
        settings.numPartitions(),
        settings.replicationFactor(),
        settings.requestTimeout());
    provisioned = true;
  }

  static Map<String, Object> producerProperties(
      KafkaConfiguration configuration, KafkaPublication publication) {
    Map<String, Object> props =
        configuration.clientProperties("producer-" + publication.publication().topic().value());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) publication.linger().toMillis());
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, publication.batchSize());
    props.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) publication.requestTimeout().toMillis());
    props.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publication.deliveryTimeout().toMillis());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, publication.maxBlock().toMillis());
    props.putAll(publication.producerProperties());
    return props;
  }
}
