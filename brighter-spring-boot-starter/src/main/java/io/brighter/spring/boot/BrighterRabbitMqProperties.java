package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.rabbitmq.RmqExchange;
import io.brighter.rabbitmq.RmqQueueType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RabbitMQ transport's settings, under {@code brighter.rabbitmq}: the exchange, and the
 * publications and subscriptions, so an application needs no transport beans. The broker is Spring
 * Boot's own {@code spring.rabbitmq.*} (host, port, username, password, virtual host, or addresses)
 * unless {@link #uri()} names one.
 *
 * <pre>
 * spring.rabbitmq.host=rabbit.internal
 * brighter.rabbitmq.exchange=greetings
 * brighter.rabbitmq.publications[0].topic=greeting.added
 * brighter.rabbitmq.subscriptions[0].name=greeter
 * brighter.rabbitmq.subscriptions[0].routing-key=greeting.added
 * brighter.rabbitmq.subscriptions[0].request-type=com.example.GreetingAdded
 * </pre>
 *
 * @param uri The broker, {@code amqp://user:password@host:port/vhost}; else spring.rabbitmq.*
 * @param exchange The exchange messages are published to and queues are bound on
 * @param exchangeType direct (a routing key per queue binding) or topic (patterns)
 * @param deadLetterExchange The exchange rejected messages go to; the exchange's name with {@code
 *     .dlx} when not set
 * @param connectionName The name the broker shows for the connection
 * @param connectionRetry How connecting is retried, and how long connects then fail at once
 * @param publications The topics the application sends to, one producer each
 * @param subscriptions The queues the dispatcher reads, one subscription each
 */
@ConfigurationProperties("brighter.rabbitmq")
public record BrighterRabbitMqProperties(
    @Nullable URI uri,
    @DefaultValue(RmqExchange.DEFAULT_NAME) String exchange,
    @DefaultValue("direct") ExchangeType exchangeType,
    @Nullable String deadLetterExchange,
    @Nullable String connectionName,
    @DefaultValue ConnectionRetry connectionRetry,
    @DefaultValue List<Publication> publications,
    @DefaultValue List<Subscription> subscriptions) {

  /**
   * How connecting to the broker is retried: .NET Brighter's defaults unless set.
   *
   * @param retryCount How many times to retry after the first failed connect
   * @param retryWait The wait before the first retry; doubled for each next one
   * @param circuitBreakTime How long connects fail at once after every try failed (the circuit
   *     break); the broker answering again ends it early
   */
  public record ConnectionRetry(
      @DefaultValue("3") int retryCount,
      @DefaultValue("1s") Duration retryWait,
      @DefaultValue("1m") Duration circuitBreakTime) {}

  /** How the exchange routes. */
  public enum ExchangeType {
    /** A queue gets the messages whose routing key is its binding's. */
    DIRECT,
    /** A queue gets the messages whose routing key matches its binding's pattern. */
    TOPIC
  }

  /**
   * One publication: a producer to the exchange with the topic as routing key.
   *
   * @param topic The routing key
   * @param requestType The request type sent to this topic, when the topic cannot be told from it
   * @param makeChannels What to do when the exchange is missing: create, validate or assume
   * @param persistent Whether messages survive a broker restart
   * @param confirmTimeout How long a send waits for the broker's confirmation
   * @param maxMessageBytes The largest message; the broker's default (16 MiB) when not set
   */
  public record Publication(
      String topic,
      @Nullable Class<? extends Request> requestType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("true") boolean persistent,
      @DefaultValue("5s") Duration confirmTimeout,
      @Nullable Long maxMessageBytes)
      implements PublicationProperties {}

  /**
   * One subscription: a queue bound to the exchange with the routing key. Settings left out take
   * the defaults of Subscription and RmqSubscription.
   *
   * @param name The subscription's name
   * @param channelName The queue's name; the name when not set
   * @param routingKey The routing key the queue is bound with
   * @param requestType The request type the messages map to
   * @param makeChannels What to do when the exchange or queue is missing
   * @param messagePumpType reactor (blocking handlers) or proactor (asynchronous handlers)
   * @param performers The number of pumps reading the queue
   * @param bufferSize Messages a receive returns (the prefetch)
   * @param timeout How long a receive waits for a message
   * @param requeueCount How many times a message may be requeued before it is dead-lettered; -1 for
   *     no limit
   * @param requeueDelay The delay of a requeue
   * @param unacceptableMessageLimit Unacceptable messages before the pump stops; 0 for no limit
   * @param deadLetterRoutingKey The routing key rejected messages are dead-lettered with
   * @param queueType classic or quorum
   * @param durable Whether the queue survives a broker restart
   * @param maxQueueLength The most messages the queue holds; 0 for no limit
   * @param messageTtl How long a message may wait in the queue; no limit when not set
   */
  public record Subscription(
      String name,
      @Nullable String channelName,
      String routingKey,
      Class<? extends Request> requestType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("reactor") MessagePumpType messagePumpType,
      @Nullable Integer performers,
      @Nullable Integer bufferSize,
      @Nullable Duration timeout,
      @Nullable Integer requeueCount,
      @Nullable Duration requeueDelay,
      @Nullable Integer unacceptableMessageLimit,
      @Nullable String deadLetterRoutingKey,
      @DefaultValue("classic") RmqQueueType queueType,
      @DefaultValue("true") boolean durable,
      @DefaultValue("0") int maxQueueLength,
      @Nullable Duration messageTtl)
      implements SubscriptionProperties {}
}
