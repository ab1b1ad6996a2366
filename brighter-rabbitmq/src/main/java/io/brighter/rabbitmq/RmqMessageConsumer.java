package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one queue: the broker pushes up to the buffer size of unacknowledged messages (the
 * prefetch), and {@link #receive} hands over what has arrived, waiting for the first.
 *
 * {@snippet :
 * var consumer = new RmqMessageConsumer(connection, RmqSubscription.DEFAULT,
 *     RoutingKey.of("greeting.added"), "greetings", 10,
 *     RoutingKey.of("greeting.added.dlq"), OnMissingChannel.CREATE);
 * for (Message message : consumer.receive(Duration.ofSeconds(1))) {
 *   handle(message);
 *   consumer.acknowledge(message);
 * }
 * }
 *
 * <p>A caller that already holds the buffer size of unsettled messages (so the broker pushes no
 * more) and receives again gets further messages with {@code basic.get}; a message pump settles
 * each message before it receives again, so it always reads what the broker pushed.
 *
 * <p><b>Settling.</b> Each message carries a receipt with this consumer's own delivery number
 * (never reused, even across reconnects) and whether the broker delivered it before ({@link
 * io.brighter.messaging.Receipt#redelivered()}). {@link #acknowledge} acks it with the rest of its
 * batch: the acks wait for the next {@link #receive} (or {@link #purge}, or {@link #close}), which
 * sends them as one {@code basic.ack} with {@code multiple} when no earlier delivery is still
 * unsettled, or one by one; a crash before then delivers them again, never loses them. {@link
 * #nack} gives it back with {@code basic.nack}, requeued as it came. {@link #reject} publishes a
 * copy of the delivery as it came (every property and header, so a message that could not be read
 * keeps what was wrong with it), with the reason in a {@code RejectionReason} header, to the
 * dead-letter exchange under the dead-letter routing key, waits for the broker's confirm, then acks
 * the original; if the copy is refused, or cannot fit a frame even with its largest headers cut
 * ({@link RmqHeaderBudget}), it rejects the original so that the queue's own {@code
 * x-dead-letter-exchange} still dead-letters it. {@link #requeue} publishes a copy with the handled
 * count the message carries (a delivery budget that survives restarts) straight to the queue, or
 * through a TTL wait queue for a delay, then acks the original. Nothing is acked before its copy is
 * confirmed, so a crash may duplicate a message but never loses one.
 *
 * <p><b>Failures.</b> When the broker goes away, {@link #receive}, and a settlement of a message
 * whose channel has closed, throw {@link ChannelFailureException} until it can reconnect (retrying
 * as {@link RmqConnection#retry()} says) and re-declare the queue; messages received before the
 * drop cannot be settled any more and the broker delivers them again. {@link
 * io.brighter.messaging.OnMissingChannel#VALIDATE} on a missing queue fails with {@link
 * ConfigurationException}.
 *
 * <p>A message pump calls it from one thread; {@link #close} may come from another.
 */
public final class RmqMessageConsumer implements MessageConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(RmqMessageConsumer.class);
  private static final long CANCEL_WAIT_SECONDS = 5;

  /** This consumer's token for one delivery it handed out. */
  private record RmqReceipt(RmqMessageConsumer consumer, long number, boolean redelivered)
      implements Receipt {}

  /** One message the broker pushed on one channel. */
  private record Delivery(
      Channel channel,
      long brokerTag,
      String routingKey,
      boolean redelivered,
      AMQP.BasicProperties properties,
      byte[] body,
      boolean pulled) {}

  private final RmqConnection settings;
  private final RmqSubscription options;
  private final RmqTopology.QueueSpec spec;
  private final String queue;
  private final int bufferSize;
  private final OnMissingChannel makeChannels;
  private final RmqConnector connector;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedBlockingQueue<Delivery> buffer = new LinkedBlockingQueue<>();
  private final Map<Long, Delivery> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong deliveryNumbers = new AtomicLong();
  // Acknowledged deliveries whose basic.ack waits for the next receive, purge or close.
  private final List<Delivery> acksToSend = new ArrayList<>();
  private volatile @Nullable Connection connection;
  private volatile @Nullable Channel channel;
  private volatile @Nullable Receiver receiver;
  private volatile boolean closed;

  /**
   * A consumer of the queue {@code channelName}, bound to {@code routingKey} on the connection's
   * exchange, prefetching {@code bufferSize} messages and dead-lettering to {@code
   * deadLetterRoutingKey}. It connects at once, declaring or checking the queue as {@code
   * makeChannels} says; when the broker is unreachable it tries again on the first receive.
   *
   * @throws ConfigurationException when the queue must exist and does not, or exists with other
   *     arguments
   */
  public RmqMessageConsumer(
      RmqConnection connection,
      RmqSubscription options,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    this.settings = requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
    this.queue = Settings.notBlank(channelName, "RmqMessageConsumer.channelName");
    this.makeChannels = requireNonNull(makeChannels, "makeChannels must not be null");
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1: " + bufferSize);
    }
    this.bufferSize = bufferSize;
    this.spec =
        new RmqTopology.QueueSpec(
            channelName,
            requireNonNull(routingKey, "routingKey must not be null"),
            requireNonNull(deadLetterRoutingKey, "deadLetterRoutingKey must not be null"),
            connection,
            options);
    this.connector = new RmqConnector(connection, "consumer-" + channelName, Clock.systemUTC());
    lock.lock();
    try {
      open();
    } catch (RmqBrokerUnreachableException | UncheckedIOException e) {
      LOG.warn("Consumer of {} starts disconnected: {}", queue, e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Up to the buffer size of messages, waiting at most {@code timeout} for the first.
   *
   * @throws ChannelFailureException when the broker cannot be reached
   * @throws ConfigurationException when the queue is missing and must not be created
   */
  @Override
  public List<Message> receive(Duration timeout) {
    requireNonNull(timeout, "timeout must not be null");
    sendAcks();
    Channel current = openForReceive();
    List<Message> received = new ArrayList<>();
    if (inFlight.size() >= bufferSize) {
      pull(current, received);
      if (!received.isEmpty()) {
        return received;
      }
    }
    try {
      long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
      while (received.isEmpty()) {
        long remaining = deadline - System.nanoTime();
        Delivery first = buffer.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        if (first == null) {
          return received;
        }
        List<Delivery> batch = new ArrayList<>(bufferSize);
        batch.add(first);
        buffer.drainTo(batch, bufferSize - 1);
        for (Delivery delivery : batch) {
          if (delivery.channel() == current && current.isOpen()) {
            received.add(track(delivery));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return received;
  }

  /**
   * Fetches up to the buffer size with {@code basic.get}, which the prefetch does not limit: for a
   * caller that holds a full prefetch of unsettled messages and asks for more.
   */
  private void pull(Channel current, List<Message> received) {
    try {
      while (received.size() < bufferSize) {
        GetResponse got = current.basicGet(queue, false);
        if (got == null) {
          return;
        }
        Envelope envelope = got.getEnvelope();
        received.add(
            track(
                new Delivery(
                    current,
                    envelope.getDeliveryTag(),
                    envelope.getRoutingKey(),
                    envelope.isRedeliver(),
                    got.getProps(),
                    got.getBody(),
                    true)));
      }
    } catch (IOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    }
  }

  /**
   * Acknowledges {@code message}: its {@code basic.ack} goes with those of the rest of its batch,
   * on the next {@link #receive}, {@link #purge} or {@link #close}, as the class comment says.
   *
   * @throws ChannelFailureException when its channel has closed; the broker delivers it again
   */
  @Override
  public void acknowledge(Message message) {
    Delivery delivery = settle(message);
    if (delivery != null) {
      lock.lock();
      try {
        acksToSend.add(delivery);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Sends the acknowledgements that wait: one {@code basic.ack} with {@code multiple} when every
   * delivery up to the highest of them is acknowledged (none pulled, none still in flight or
   * waiting in the buffer), else one per delivery. Acknowledgements for a channel that has closed
   * are dropped: the broker delivers those messages again.
   */
  private void sendAcks() {
    lock.lock();
    try {
      if (!acksToSend.isEmpty()) {
        sendAcks(List.copyOf(acksToSend));
        acksToSend.clear();
      }
    } finally {
      lock.unlock();
    }
  }

  private void sendAcks(List<Delivery> sending) {
    Channel current = channel;
    try {
      long highest = -1;
      boolean together = true;
      for (Delivery delivery : sending) {
        together &= !delivery.pulled() && delivery.channel() == current;
        highest = Math.max(highest, delivery.brokerTag());
      }
      if (together && current != null && highest < lowestUnsettledTag(current)) {
        current.basicAck(highest, true);
        return;
      }
      for (Delivery delivery : sending) {
        if (delivery.channel() == current && current.isOpen()) {
          current.basicAck(delivery.brokerTag(), false);
        }
      }
    } catch (IOException | ShutdownSignalException e) {
      LOG.debug("Acknowledgements on {} not sent; the broker delivers them again", queue, e);
    }
  }

  /** The lowest broker tag on {@code current} still in flight or in the buffer. */
  private long lowestUnsettledTag(Channel current) {
    long lowest = Long.MAX_VALUE;
    for (Delivery delivery : inFlight.values()) {
      if (delivery.channel() == current) {
        lowest = Math.min(lowest, delivery.brokerTag());
      }
    }
    Delivery next = buffer.peek(); // the buffer holds pushed deliveries in the broker's order
    if (next != null && next.channel() == current) {
      lowest = Math.min(lowest, next.brokerTag());
    }
    return lowest;
  }

  /**
   * Dead-letters {@code message} with {@code reason} in its {@link HeaderNames#REJECTION_REASON}
   * header, as the class comment says.
   *
   * @return false when the message was not received by this consumer or was settled before
   * @throws ChannelFailureException when its channel has closed; the broker delivers it again
   */
  @Override
  public boolean reject(Message message, RejectionReason reason) {
    requireNonNull(reason, "reason must not be null");
    Delivery delivery = settle(message);
    if (delivery == null) {
      return false;
    }
    Channel on = delivery.channel();
    try {
      AMQP.BasicProperties copy =
          RmqHeaderBudget.fitted(
              RmqWireFormat.rejected(delivery.properties(), message, reason, Instant.now()),
              frameMax(on));
      if (copy != null
          && republish(
              on,
              settings.deadLetterExchange().name(),
              spec.deadLetterRoutingKey().value(),
              copy,
              delivery.body(),
              message)) {
        on.basicAck(delivery.brokerTag(), false);
      } else {
        LOG.warn(
            "Dead letter copy of {} {}; the queue dead-letters it instead",
            message.id(),
            copy == null ? "cannot fit in a frame" : "refused");
        on.basicReject(delivery.brokerTag(), false);
      }
      return true;
    } catch (IOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    }
  }

  /**
   * Puts a copy of {@code message}, with the handled count it carries, back on the queue (after
   * {@code delay}, through a wait queue), then acknowledges the original. A copy too large for a
   * frame even with its largest headers cut is given back to the queue as it came instead, its
   * handled count unchanged.
   *
   * @return false when the message was not received by this consumer or was settled before, or the
   *     broker refused the copy (the original is then returned to the queue as it was)
   * @throws ChannelFailureException when its channel has closed; the broker delivers it again
   */
  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    Delivery delivery = settle(message);
    if (delivery == null) {
      return false;
    }
    Channel on = delivery.channel();
    try {
      String routingKey = delay.isPositive() ? RmqTopology.waitQueue(on, "", queue, delay) : queue;
      Message copy = message.withHeader(message.header().withDelay(delay));
      boolean persistent = Integer.valueOf(2).equals(delivery.properties().getDeliveryMode());
      AMQP.BasicProperties properties =
          RmqHeaderBudget.fitted(RmqWireFormat.properties(copy, persistent), frameMax(on));
      if (properties == null) {
        LOG.warn("Requeued copy of {} cannot fit in a frame; given back as it came", message.id());
        on.basicNack(delivery.brokerTag(), false, true);
        return true;
      }
      if (republish(on, "", routingKey, properties, copy.body().bytes(), message)) {
        on.basicAck(delivery.brokerTag(), false);
        return true;
      }
      on.basicNack(delivery.brokerTag(), false, true);
      return false;
    } catch (IOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    }
  }

  /**
   * Gives {@code message} back to the queue as it came, with {@code basic.nack}: its handled count
   * unchanged, delivered again (to this or another consumer) at once.
   *
   * @return false when the message was not received by this consumer or was settled before
   * @throws ChannelFailureException when its channel has closed; the broker delivers it again
   */
  @Override
  public boolean nack(Message message) {
    Delivery delivery = settle(message);
    if (delivery == null) {
      return false;
    }
    try {
      delivery.channel().basicNack(delivery.brokerTag(), false, true);
      return true;
    } catch (IOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    }
  }

  /**
   * Removes every message waiting on the queue, including those the broker already pushed here and
   * {@link #receive} has not handed over; messages received and not settled stay as they are.
   */
  @Override
  public void purge() {
    sendAcks();
    lock.lock();
    try {
      Channel current = openForReceive();
      Receiver pushing = requireNonNull(receiver);
      current.basicCancel(pushing.getConsumerTag());
      pushing.awaitCancelled();
      List<Delivery> pushed = new ArrayList<>();
      buffer.drainTo(pushed);
      for (Delivery delivery : pushed) {
        if (delivery.channel() == current) {
          current.basicAck(delivery.brokerTag(), false);
        }
      }
      current.queuePurge(queue);
      consume(current);
    } catch (IOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the channel and connection; unsettled messages return to the queue. */
  @Override
  public void close() {
    lock.lock();
    try {
      sendAcks();
      closed = true;
      disconnect();
    } finally {
      lock.unlock();
    }
  }

  private Channel openForReceive() {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("consumer of " + queue + " is closed");
      }
      return open();
    } catch (RmqBrokerUnreachableException | UncheckedIOException | ShutdownSignalException e) {
      throw ChannelFailureException.of(queue, e);
    } finally {
      lock.unlock();
    }
  }

  /** The open channel, reconnecting and declaring the queue when there is none. */
  private Channel open() {
    Channel current = channel;
    Receiver pushing = receiver;
    if (current != null && current.isOpen() && pushing != null && !pushing.cancelledByBroker) {
      return current;
    }
    disconnect();
    Connection fresh = connector.connect();
    try {
      RmqTopology.queue(fresh, spec, makeChannels);
      Channel created = fresh.createChannel();
      created.basicQos(bufferSize);
      created.confirmSelect();
      connection = fresh;
      channel = created;
      consume(created);
      LOG.info("Consuming {} from RabbitMQ at {}", queue, settings.redactedUri());
      return created;
    } catch (IOException e) {
      RmqConnector.closeQuietly(fresh);
      throw RmqTopology.mapped("queue " + queue, e);
    } catch (RuntimeException e) {
      RmqConnector.closeQuietly(fresh);
      throw e;
    }
  }

  private void consume(Channel on) throws IOException {
    Receiver pushing = new Receiver(on);
    receiver = pushing;
    on.basicConsume(queue, false, pushing);
  }

  private Message track(Delivery delivery) {
    long number = deliveryNumbers.incrementAndGet();
    inFlight.put(number, delivery);
    return RmqWireFormat.toMessage(
        delivery.routingKey(),
        spec.routingKey(),
        delivery.properties(),
        delivery.body(),
        new RmqReceipt(this, number, delivery.redelivered()));
  }

  /**
   * Takes the delivery of {@code message} out of flight: null when it was settled before.
   *
   * @throws ChannelFailureException when its channel has closed since (the broker delivers it
   *     again)
   */
  private @Nullable Delivery settle(Message message) {
    requireNonNull(message, "message must not be null");
    Delivery delivery =
        message.receipt() instanceof RmqReceipt receipt && receipt.consumer() == this
            ? inFlight.remove(receipt.number())
            : null;
    if (delivery == null) {
      LOG.debug("Message {} is not in flight on {}", message.id(), queue);
      return null;
    }
    if (delivery.channel() != channel || !delivery.channel().isOpen()) {
      throw new ChannelFailureException(
          "Message "
              + message.id()
              + " came on a channel of "
              + queue
              + " that has closed; the broker delivers it again",
          null);
    }
    return delivery;
  }

  /** Publishes a copy of {@code message} and waits for the confirm; whether the broker took it. */
  private boolean republish(
      Channel on,
      String exchange,
      String routingKey,
      AMQP.BasicProperties properties,
      byte[] body,
      Message message)
      throws IOException {
    on.basicPublish(exchange, routingKey, false, properties, body);
    try {
      return on.waitForConfirms(options.confirmTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (TimeoutException e) {
      LOG.warn("No confirm for the copy of {} within {}", message.id(), options.confirmTimeout());
      return false;
    }
  }

  private static int frameMax(Channel on) {
    return on.getConnection().getFrameMax();
  }

  private void disconnect() {
    Connection current = connection;
    connection = null;
    channel = null;
    receiver = null;
    buffer.clear();
    inFlight.clear();
    if (current != null) {
      RmqConnector.closeQuietly(current);
    }
  }

  /** Puts what the broker pushes on one channel into the buffer. */
  private final class Receiver extends DefaultConsumer {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile boolean cancelledByBroker;

    Receiver(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      buffer.add(
          new Delivery(
              getChannel(),
              envelope.getDeliveryTag(),
              envelope.getRoutingKey(),
              envelope.isRedeliver(),
              properties,
              body,
              false));
    }

    @Override
    public void handleCancelOk(String consumerTag) {
      cancelled.countDown();
    }

    @Override
    public void handleCancel(String consumerTag) {
      LOG.warn("RabbitMQ cancelled the consumer of {} (queue deleted?)", queue);
      cancelledByBroker = true;
      cancelled.countDown();
    }

    void awaitCancelled() {
      try {
        if (!cancelled.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new ChannelFailureException("No cancel-ok from RabbitMQ for " + queue, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChannelFailureException("Interrupted while purging " + queue, e);
      }
    }
  }
}
