package io.brighter.benchmarks.faults;

import io.brighter.Request;
import io.brighter.kafka.KafkaChannelFactory;
import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.kafka.KafkaPublication;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.rabbitmq.RmqChannelFactory;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqExchange;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.scheduler.OutboxScheduler;
import java.time.Duration;
import java.util.List;

/**
 * Where one run of the matrix sends and reads: its transport, topic (also the queue and the
 * consumer group) and, on Kafka, the broker's address.
 *
 * @param transport the broker
 * @param topicName the routing key, queue and consumer group of the run
 * @param kafkaBootstrap the Kafka broker's address; "-" on RabbitMQ
 * @param deferEvery the handler defers every this many messages once, for three seconds; 0 never
 */
record FaultSetup(
    FaultTransport transport, String topicName, String kafkaBootstrap, int deferEvery) {

  /** How long a deferred message waits before it comes back. */
  static final Duration DEFER_DELAY = Duration.ofSeconds(3);

  /** The exchange the matrix publishes to on RabbitMQ. */
  static final String EXCHANGE = "brighter.faults";

  RoutingKey topic() {
    return RoutingKey.of(topicName);
  }

  /** One producer for {@code publication}. */
  ProducerRegistry producers(Publication publication) {
    return ProducerRegistry.of(
        List.of(
            switch (transport) {
              case rabbitmq -> new RmqMessageProducer(rabbit(), publication);
              case kafka -> new KafkaMessageProducer(kafka(), KafkaPublication.of(publication));
            }));
  }

  /**
   * The subscription of the consumer process: one pump, buffer 10; messages of the default
   * CloudEvents type (the one the matrix publishes) carry {@code requestType}, any other type none.
   */
  Subscription subscription(Class<? extends Request> requestType) {
    return Subscription.builder()
        .name(topicName)
        .channelName(topicName)
        .routingKey(topic())
        .requestTypes(
            message ->
                MessageHeader.DEFAULT_TYPE.equals(message.header().type()) ? requestType : null)
        .bufferSize(10)
        .timeout(Duration.ofMillis(200))
        .requeueDelay(DEFER_DELAY)
        .channelFactory(channelFactory())
        .build();
  }

  private ChannelFactory channelFactory() {
    return switch (transport) {
      case rabbitmq -> new RmqChannelFactory(rabbit());
      // a killed member's partitions move after the session timeout: ten seconds, not 45;
      // delayed requeues wait in the outbox, which the relay sweeps; unreadable and unmappable
      // messages go to <topic>.invalid, the rest of the rejected to <topic>.dlq
      case kafka ->
          new KafkaChannelFactory(
                  kafka(),
                  KafkaSubscription.DEFAULT
                      .withGroupTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5))
                      .withInvalidMessageRoutingKey(RoutingKey.of(topicName + ".invalid")))
              .withDurableRequeues(new OutboxScheduler(FaultTables.outbox()));
    };
  }

  private static RmqConnection rabbit() {
    return RmqConnection.builder()
        .uri(RmqConnection.LOCAL_URI)
        .exchange(RmqExchange.direct(EXCHANGE))
        .connectionName("brighter-faults")
        .build();
  }

  private KafkaConfiguration kafka() {
    return KafkaConfiguration.of(kafkaBootstrap);
  }
}
