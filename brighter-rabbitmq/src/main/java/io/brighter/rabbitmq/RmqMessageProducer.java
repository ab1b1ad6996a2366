package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.internal.CoalescingDrain;
import io.brighter.internal.Futures;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.MessageTooLargeException;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes messages to the connection's exchange with each message's topic as the routing key, on
 * a channel in publisher-confirm mode. It is both a blocking and a non-blocking producer.
 *
 * {@snippet :
 * var producer = new RmqMessageProducer(connection,
 *     Publication.builder().topic(RoutingKey.of("greeting.added")).build());
 * producer.send(message);                                   // returns once the broker confirmed
 * producer.sendWithDelay(reminder, Duration.ofMinutes(5));  // held in a wait queue, then routed
 * }
 *
 * <p><b>Confirms are pipelined.</b> {@link #confirmsPublication()} is true, so the outbox mediator
 * registers a listener with {@link #onConfirmations}; from then on {@link #send} returns as soon as
 * the message is written, and the listener hears of the confirms (or refusals, or a connection lost
 * first) in batches on a thread of the producer's, so the outbox marks messages dispatched, many in
 * one write, only once the broker has them. Without a listener {@link #send} waits for the confirm,
 * up to {@link RmqPublication#confirmTimeout()}, and throws {@link RmqPublishException} when none
 * comes. {@link #sendAsync}'s future completes with the confirm.
 *
 * <p><b>Topology.</b> {@link OnMissingChannel#CREATE} declares the exchange (on every reconnect,
 * too); {@code VALIDATE} checks it exists; {@code ASSUME} checks nothing. A producer declares no
 * queue: consumers do. Messages are published as {@code mandatory} ({@link
 * RmqPublication#mandatory()}), so one that no queue is bound for is returned by the broker and
 * fails with {@link RmqPublishException#createUnroutable} (under {@code VALIDATE}, a {@link
 * ConfigurationException}) instead of vanishing; from the outbox it stays outstanding, is counted
 * as a failed delivery, and is sent again by the sweeper once a queue is bound. Start the consumers
 * (or declare their queues) before the first publish.
 *
 * <p><b>Delay</b> needs no broker plugin: a delayed message waits in a durable queue with a message
 * TTL of the delay, which then dead-letters it to the exchange with its topic.
 *
 * <p><b>Failures.</b> The producer connects lazily and reconnects after the broker restarts,
 * retrying as {@link RmqConnection#retry()} says; a send while the broker is unreachable throws
 * {@link RmqBrokerUnreachableException}. Thread-safe: publishes are serialised on one channel.
 */
public final class RmqMessageProducer implements MessageProducer, MessageProducerAsync {

  private static final Logger LOG = LoggerFactory.getLogger(RmqMessageProducer.class);
  private static final int MAX_OUTCOMES = 10_000;

  private final RmqConnection settings;
  private final Publication publication;
  private final RmqPublication options;
  private final RmqConnector connector;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable Connection connection;
  private @Nullable Channel channel;
  private @Nullable RmqConfirms confirms;
  private volatile @Nullable Consumer<List<PublishConfirmation>> listener;
  private final CoalescingDrain<PublishConfirmation> outcomes;
  private volatile boolean closed;

  /** A producer for {@code publication} with {@link RmqPublication#DEFAULT} settings. */
  public RmqMessageProducer(RmqConnection connection, Publication publication) {
    this(connection, publication, RmqPublication.DEFAULT);
  }

  /**
   * A producer for {@code publication}. It connects at once to check or declare the exchange; when
   * the broker is unreachable it tries again on the first send.
   *
   * @throws ConfigurationException when the publication says {@code VALIDATE} and the exchange is
   *     missing
   */
  public RmqMessageProducer(
      RmqConnection connection, Publication publication, RmqPublication options) {
    this.settings = requireNonNull(connection, "connection must not be null");
    this.publication = requireNonNull(publication, "publication must not be null");
    this.options = requireNonNull(options, "options must not be null");
    RmqNames.routingKey(publication.topic().value(), "Publication.topic");
    this.connector =
        new RmqConnector(connection, "producer-" + publication.topic().value(), Clock.systemUTC());
    this.outcomes =
        new CoalescingDrain<>(
            "brighter-rmq-confirms-" + publication.topic().value(), MAX_OUTCOMES, this::deliver);
    lock.lock();
    try {
      open();
    } catch (RmqBrokerUnreachableException e) {
      LOG.warn("Producer for {} starts disconnected: {}", publication.topic(), e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Publication publication() {
    return publication;
  }

  @Override
  public void send(Message message) {
    sendWithDelay(message, Duration.ZERO);
  }

  /**
   * Publishes {@code message}, through a wait queue when {@code delay} is positive; waits for the
   * confirm unless a confirmation listener is registered.
   *
   * @throws RmqPublishException when the broker refused or returned it, or did not confirm in time
   * @throws RmqBrokerUnreachableException when the broker cannot be reached
   * @throws ConfigurationException when the exchange is missing under {@code VALIDATE}, or no queue
   *     is bound for the message's topic
   */
  @Override
  public void sendWithDelay(Message message, Duration delay) {
    CompletableFuture<Void> confirmed = publish(message, delay);
    if (listener == null) {
      await(confirmed, message.id());
    }
  }

  @Override
  public CompletableFuture<Void> sendAsync(Message message) {
    return sendWithDelayAsync(message, Duration.ZERO);
  }

  /** Publishes {@code message}; the future completes when the broker confirms it. */
  @Override
  public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    return Futures.call(() -> publish(message, delay));
  }

  /** True: the broker confirms each message, and {@link #onConfirmation} hears of it. */
  @Override
  public boolean confirmsPublication() {
    return true;
  }

  /**
   * The broker's {@code max_message_size}, as {@link RmqPublication#maxMessageBytes()} says: the
   * outbox refuses a larger message when it is deposited. Headers must also fit in one frame of the
   * connection ({@code frame_max}, 128 KiB by default); a message whose headers do not is refused
   * when it is sent, with {@link MessageTooLargeException}.
   */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  /**
   * Registers {@code confirmed} to hear of each confirm or failure, called in order off the
   * connection's thread; a second listener is called after the first. From now on {@link #send}
   * does not wait for confirms.
   */
  @Override
  public void onConfirmation(Consumer<PublishConfirmation> confirmed) {
    requireNonNull(confirmed, "listener must not be null");
    onConfirmations(batch -> batch.forEach(confirmed));
  }

  /**
   * Registers {@code confirmed} to hear of confirms and failures in batches: each call carries, in
   * order, every outcome that arrived since the previous call (the broker confirms many messages at
   * once under load), off the connection's thread ({@link CoalescingDrain}). From now on {@link
   * #send} does not wait for confirms.
   */
  @Override
  public void onConfirmations(Consumer<List<PublishConfirmation>> confirmed) {
    requireNonNull(confirmed, "listener must not be null");
    lock.lock();
    try {
      Consumer<List<PublishConfirmation>> previous = listener;
      listener = previous == null ? confirmed : previous.andThen(confirmed);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to the confirm timeout for outstanding confirms, then closes the channel and
   * connection; closing twice does nothing.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      Channel open = channel;
      if (open != null && open.isOpen()) {
        try {
          open.waitForConfirms(options.confirmTimeout().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
          LOG.warn("Closing producer for {} with unconfirmed messages", publication.topic());
        }
      }
      disconnect();
    } finally {
      lock.unlock();
    }
    if (!outcomes.awaitIdle(options.confirmTimeout())) {
      LOG.warn("Producer for {} closed before reporting every confirm", publication.topic());
    }
  }

  private CompletableFuture<Void> publish(Message message, Duration delay) {
    requireNonNull(message, "message must not be null");
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("producer for " + publication.topic() + " is closed");
      }
      Channel open = open();
      Message delayed =
          delay.equals(message.header().delay())
              ? message
              : message.withHeader(message.header().withDelay(delay));
      AMQP.BasicProperties properties = RmqWireFormat.properties(delayed, options.persistent());
      long headerBytes = RmqHeaderBudget.size(properties);
      long headerBudget = RmqHeaderBudget.budget(open.getConnection().getFrameMax());
      if (headerBytes > headerBudget) {
        throw MessageTooLargeException.headers(
            message.id().value(), message.header().topic(), headerBytes, headerBudget);
      }
      RmqConfirms waiting = requireNonNull(confirms);
      long sequence = open.getNextPublishSeqNo();
      CompletableFuture<Void> confirmed = waiting.track(sequence, message.id());
      String exchange = settings.exchange().name();
      String routingKey = message.header().topic().value();
      boolean mandatory = options.mandatory();
      try {
        if (delay.isPositive()) {
          routingKey = RmqTopology.waitQueue(open, exchange, routingKey, delay);
          exchange = "";
          mandatory = false;
        }
        open.basicPublish(exchange, routingKey, mandatory, properties, message.body().bytes());
      } catch (IOException | RuntimeException e) {
        waiting.failed(sequence, e);
        throw RmqPublishException.createFailed(message.id(), e);
      }
      return confirmed;
    } finally {
      lock.unlock();
    }
  }

  /** The open channel, connecting and declaring the exchange first when there is none. */
  private Channel open() {
    Channel current = channel;
    if (current != null && current.isOpen()) {
      return current;
    }
    disconnect();
    Connection fresh = connector.connect();
    try {
      RmqTopology.exchange(fresh, settings.exchange(), publication.makeChannels());
      Channel created = fresh.createChannel();
      created.confirmSelect();
      RmqConfirms tracker =
          new RmqConfirms(this::settled, publication.makeChannels() == OnMissingChannel.VALIDATE);
      created.addConfirmListener(tracker::acked, tracker::nacked);
      created.addReturnListener(
          returned ->
              tracker.returned(
                  RmqWireFormat.messageId(returned.getProperties()),
                  returned.getExchange(),
                  returned.getRoutingKey()));
      created.addShutdownListener(cause -> tracker.failAll(cause));
      connection = fresh;
      channel = created;
      confirms = tracker;
      return created;
    } catch (IOException | UncheckedIOException | ConfigurationException e) {
      closeQuietly(fresh);
      if (e instanceof ConfigurationException configuration) {
        throw configuration;
      }
      throw RmqBrokerUnreachableException.createAfterTries(settings.redactedUri(), 1, e);
    }
  }

  /** Queues the outcome for the listener, when one is registered. */
  private void settled(Id id, @Nullable Throwable failure) {
    if (listener != null) {
      outcomes.add(new PublishConfirmation(id, failure == null, failure));
    }
  }

  /** Hands a batch of outcomes to the listener. */
  private void deliver(List<PublishConfirmation> batch) {
    Consumer<List<PublishConfirmation>> confirmed = listener;
    if (confirmed != null) {
      confirmed.accept(List.copyOf(batch));
    }
  }

  private void await(CompletableFuture<Void> confirmed, Id id) {
    try {
      confirmed.get(options.confirmTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw RmqPublishException.createFailed(id, e.getCause() != null ? e.getCause() : e);
    } catch (TimeoutException e) {
      throw RmqPublishException.createTimedOut(id, options.confirmTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RmqPublishException.createFailed(id, e);
    }
  }

  private void disconnect() {
    Connection current = connection;
    connection = null;
    channel = null;
    if (current != null) {
      closeQuietly(current);
    }
  }

  private static void closeQuietly(Connection connection) {
    RmqConnector.closeQuietly(connection);
  }
}
