package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.brighter.internal.Settings;
import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.RejectionHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A RabbitMQ dead-letter queue ({@code <queue>.dlq} by default, see {@link
 * RmqSubscription#deadLetterQueueFor}), for operators. Each call opens a connection of its own and
 * closes it before it returns; calls may run from any thread, and while the subscription's
 * consumers run.
 *
 * <p>{@link #peek} gets messages without acknowledging them and closes the channel, so the broker
 * puts them back (marked redelivered). {@link #redrive} gets each message, publishes a copy of the
 * delivery as it came to the connection's exchange with the original topic as routing key (the
 * rejection headers removed, {@code HandledCount} back at 0 and {@code RedriveCount} one more, as
 * {@code mandatory}), waits for the broker's confirm, and only then acknowledges the dead letter. A
 * copy the broker returns (no queue bound to the topic) or does not confirm leaves its dead letter
 * in the queue. A crash between the confirm and the acknowledgement leaves the message both
 * re-delivered and in the queue; never in neither.
 *
 * {@snippet :
 * DeadLetterQueue dlq = new RmqDeadLetterQueue(connection, "greetings.dlq");
 * dlq.redrive(letter -> true, 100);
 * }
 */
public final class RmqDeadLetterQueue implements DeadLetterQueue {

  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
  private static final Receipt PEEKED = new Receipt() {};

  private final RmqConnection connection;
  private final String queue;

  /** The dead-letter queue {@code queue} of {@code connection}'s broker. */
  public RmqDeadLetterQueue(RmqConnection connection, String queue) {
    this.connection = requireNonNull(connection, "connection must not be null");
    this.queue = Settings.notBlank(queue, "RmqDeadLetterQueue.queue");
  }

  @Override
  public String name() {
    return queue;
  }

  @Override
  public List<DeadLetter> peek(int limit) {
    checkLimit(limit);
    return withChannel(
        channel -> {
          List<DeadLetter> letters = new ArrayList<>();
          for (int i = 0; i < limit; i++) {
            GetResponse response = channel.basicGet(queue, false);
            if (response == null) {
              break;
            }
            letters.add(DeadLetter.of(message(response)));
          }
          return letters; // closing the channel gives them back
        });
  }

  @Override
  public int redrive(Predicate<DeadLetter> which, int limit) {
    requireNonNull(which, "which must not be null");
    checkLimit(limit);
    return withChannel(
        channel -> {
          channel.confirmSelect();
          Set<String> returned = ConcurrentHashMap.newKeySet();
          channel.addReturnListener(
              back -> returned.add(String.valueOf(back.getProperties().getMessageId())));
          int redriven = 0;
          for (int i = 0; i < limit; i++) {
            GetResponse response = channel.basicGet(queue, false);
            if (response == null) {
              break;
            }
            DeadLetter letter = DeadLetter.of(message(response));
            RoutingKey topic = letter.originalTopic();
            if (topic == null || !which.test(letter)) {
              continue; // left unacknowledged: the broker puts it back when the channel closes
            }
            AMQP.BasicProperties copy = redriven(response.getProps(), letter.redriveCount() + 1);
            channel.basicPublish(
                connection.exchange().name(), topic.value(), true, copy, response.getBody());
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            if (returned.remove(String.valueOf(copy.getMessageId()))) {
              continue; // nothing took the copy: the dead letter stays
            }
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            redriven++;
          }
          return redriven;
        });
  }

  /** The messages ready in the queue, as the broker counts them. */
  @Override
  public long count() {
    return withChannel(channel -> channel.queueDeclarePassive(queue).getMessageCount());
  }

  @Override
  public long purge() {
    return withChannel(channel -> (long) channel.queuePurge(queue).getMessageCount());
  }

  /** The properties of the re-driven copy of a dead letter that had {@code original}. */
  static AMQP.BasicProperties redriven(AMQP.BasicProperties original, int redriveCount) {
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.keySet().removeAll(RejectionHeaders.NAMES);
    headers.put(RmqHeaders.HANDLED_COUNT, 0);
    headers.put(HeaderNames.REDRIVE_COUNT, Integer.toString(redriveCount));
    return original.builder().headers(headers).build();
  }

  private Message message(GetResponse response) {
    return RmqWireFormat.toMessage(
        response.getEnvelope().getRoutingKey(),
        RoutingKey.of(queue),
        response.getProps(),
        response.getBody(),
        PEEKED);
  }

  private <T> T withChannel(ChannelWork<T> work) {
    Connection open;
    try {
      open = RmqConnector.factory(connection).newConnection(connection.connectionName() + "-dlq");
    } catch (IOException | TimeoutException e) {
      throw RmqBrokerUnreachableException.createAfterTries(connection.redactedUri(), 1, e);
    }
    try {
      Channel channel = open.createChannel();
      try {
        return work.apply(channel);
      } finally {
        if (channel.isOpen()) {
          channel.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Dead-letter queue " + queue + " failed", e);
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "Dead-letter queue " + queue + ": the broker did not confirm in time", e);
    } finally {
      RmqConnector.closeQuietly(open);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  /** Work on a channel. */
  @FunctionalInterface
  private interface ChannelWork<T> {
    T apply(Channel channel) throws IOException, TimeoutException, InterruptedException;
  }
}
