package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.RoutingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares or checks exchanges and queues as {@link OnMissingChannel} says: {@code CREATE} declares
 * them (idempotently), {@code VALIDATE} checks them passively and fails with a {@link
 * ConfigurationException} naming what is missing or different, {@code ASSUME} does nothing. Each
 * step runs on a short-lived channel of its own, because a failed declare closes its channel.
 */
final class RmqTopology {

  private static final int NOT_FOUND = 404;
  private static final int PRECONDITION_FAILED = 406;

  /** Extra life of an unused wait queue beyond its delay, so its messages expire first. */
  private static final Duration WAIT_QUEUE_SPARE_LIFE = Duration.ofMinutes(1);

  private RmqTopology() {}

  /** A queue to declare: its name, what it binds to and its dead-letter routing. */
  record QueueSpec(
      String queue,
      RoutingKey routingKey,
      RoutingKey deadLetterRoutingKey,
      RmqConnection connection,
      RmqSubscription options) {

    /** Checks the names against AMQP's rules ({@link RmqNames}). */
    QueueSpec {
      RmqNames.queue(queue, "Subscription.channelName");
      RmqNames.routingKey(routingKey.value(), "Subscription.routingKey");
      RmqNames.routingKey(deadLetterRoutingKey.value(), "Subscription.deadLetterRoutingKey");
    }
  }

  /** Declares or checks the exchange producers publish to. */
  static void exchange(Connection connection, RmqExchange exchange, OnMissingChannel mode) {
    switch (mode) {
      case CREATE ->
          run(
              connection,
              "exchange " + exchange.name(),
              channel ->
                  channel.exchangeDeclare(exchange.name(), exchange.type(), exchange.durable()));
      case VALIDATE ->
          run(
              connection,
              "exchange " + exchange.name(),
              channel -> channel.exchangeDeclarePassive(exchange.name()));
      case ASSUME -> {}
    }
  }

  /**
   * Declares or checks a subscription's queue. {@code CREATE} declares both exchanges, the queue
   * with its arguments, its binding, and the dead-letter queue bound to the dead-letter routing
   * key; {@code VALIDATE} checks the exchange and the queue exist (AMQP cannot check a binding).
   */
  static void queue(Connection connection, QueueSpec spec, OnMissingChannel mode) {
    RmqConnection settings = spec.connection();
    switch (mode) {
      case CREATE -> {
        exchange(connection, settings.exchange(), mode);
        exchange(connection, settings.deadLetterExchange(), mode);
        RmqSubscription options = spec.options();
        run(
            connection,
            "queue " + spec.queue(),
            channel -> {
              channel.queueDeclare(
                  spec.queue(), options.durable(), false, false, queueArguments(spec));
              channel.queueBind(
                  spec.queue(), settings.exchange().name(), spec.routingKey().value());
            });
        String deadLetterQueue = options.deadLetterQueueFor(spec.queue());
        Map<String, Object> deadLetterArguments = new HashMap<>();
        deadLetterArguments.put("x-queue-type", options.queueType().argument());
        run(
            connection,
            "dead-letter queue " + deadLetterQueue,
            channel -> {
              channel.queueDeclare(
                  deadLetterQueue, options.durable(), false, false, deadLetterArguments);
              channel.queueBind(
                  deadLetterQueue,
                  settings.deadLetterExchange().name(),
                  spec.deadLetterRoutingKey().value());
            });
      }
      case VALIDATE -> {
        exchange(connection, settings.exchange(), mode);
        run(connection, "queue " + spec.queue(), c -> c.queueDeclarePassive(spec.queue()));
      }
      case ASSUME -> {}
    }
  }

  /** The arguments a subscription's queue is declared with. */
  static Map<String, Object> queueArguments(QueueSpec spec) {
    RmqSubscription options = spec.options();
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("x-queue-type", options.queueType().argument());
    arguments.put("x-dead-letter-exchange", spec.connection().deadLetterExchange().name());
    arguments.put("x-dead-letter-routing-key", spec.deadLetterRoutingKey().value());
    if (options.maxQueueLength() > 0) {
      arguments.put("x-max-length", options.maxQueueLength());
      arguments.put("x-overflow", options.overflow().argument());
    }
    if (options.messageTtl() != null) {
      arguments.put("x-message-ttl", options.messageTtl().toMillis());
    }
    return arguments;
  }

  /**
   * Declares, on {@code channel}, the wait queue that holds messages for {@code delay} and then
   * dead-letters them to {@code exchange} (empty for the default exchange) with {@code routingKey}.
   * Returns its name. Unused wait queues delete themselves a minute after their last message
   * expired.
   */
  static String waitQueue(Channel channel, String exchange, String routingKey, Duration delay)
      throws IOException {
    long millis = Math.max(1, delay.toMillis());
    String name =
        "brighter.wait." + (exchange.isEmpty() ? "" : exchange + ".") + routingKey + "." + millis;
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("x-message-ttl", millis);
    arguments.put("x-dead-letter-exchange", exchange);
    arguments.put("x-dead-letter-routing-key", routingKey);
    arguments.put("x-expires", millis + WAIT_QUEUE_SPARE_LIFE.toMillis());
    channel.queueDeclare(name, true, false, false, arguments);
    return name;
  }

  /** One step of declaring: may fail with an {@link IOException}. */
  @FunctionalInterface
  interface Step {
    void run(Channel channel) throws IOException;
  }

  /**
   * Runs {@code step} on a channel of its own.
   *
   * @throws ConfigurationException when the broker says {@code what} is missing or different
   * @throws UncheckedIOException when the connection failed
   */
  static void run(Connection connection, String what, Step step) {
    Channel channel;
    try {
      channel = connection.createChannel();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      step.run(channel);
    } catch (IOException e) {
      throw mapped(what, e);
    } finally {
      closeQuietly(channel);
    }
  }

  /**
   * {@code e} as a {@link ConfigurationException} when the broker said 404 or 406, else unchecked.
   */
  static RuntimeException mapped(String what, IOException e) {
    if (e.getCause() instanceof ShutdownSignalException signal
        && !signal.isHardError()
        && signal.getReason() instanceof AMQP.Channel.Close close) {
      if (close.getReplyCode() == NOT_FOUND) {
        return new ConfigurationException(
            "RabbitMQ has no " + what + " (" + close.getReplyText() + ")", e);
      }
      if (close.getReplyCode() == PRECONDITION_FAILED) {
        return new ConfigurationException(
            "RabbitMQ's " + what + " exists with other settings (" + close.getReplyText() + ")", e);
      }
    }
    return new UncheckedIOException(e);
  }

  private static void closeQuietly(Channel channel) {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      // the channel is gone either way
    }
  }
}
