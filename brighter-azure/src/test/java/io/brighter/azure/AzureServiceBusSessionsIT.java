package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A subscription that requires sessions: the partition key is the session, each session is read by
 * one consumer at a time, and its messages arrive in the order sent.
 */
class AzureServiceBusSessionsIT {

  private static final AzureServiceBusSubscription SESSIONS =
      AzureServiceBusSubscription.DEFAULT.withRequireSession(true);

  private final RoutingKey topic = RoutingKey.of("sessions-" + Id.random().value().substring(24));

  private static Message message(RoutingKey topic, String partitionKey, String text) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT)
            .partitionKey(partitionKey)
            .build(),
        MessageBody.json("\"" + text + "\""));
  }

  private AzureServiceBusMessageConsumer consumer() {
    return new AzureServiceBusMessageConsumer(
        LocalBus.CONFIGURATION,
        SESSIONS,
        topic,
        "by-session",
        10,
        RoutingKey.of("unused"),
        OnMissingChannel.CREATE);
  }

  private static List<Message> receiveSome(AzureServiceBusMessageConsumer consumer) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              received.addAll(consumer.receive(Duration.ofMillis(500)));
              return !received.isEmpty();
            });
    return received;
  }

  @Test
  void each_session_goes_to_one_consumer_at_a_time_in_the_order_sent() {
    try (AzureServiceBusMessageConsumer first = consumer();
        AzureServiceBusMessageConsumer second = consumer();
        AzureServiceBusMessageProducer producer =
            new AzureServiceBusMessageProducer(
                LocalBus.CONFIGURATION, Publication.builder().topic(topic).build())) {
      for (int i = 1; i <= 3; i++) {
        producer.send(message(topic, "A", "a" + i));
        producer.send(message(topic, "B", "b" + i));
      }

      List<Message> toFirst = receiveSome(first);
      List<Message> toSecond = receiveSome(second);

      assertThat(keys(toFirst)).hasSize(1);
      assertThat(keys(toSecond)).hasSize(1).doesNotContainAnyElementsOf(keys(toFirst));
      assertThat(toFirst).hasSize(3);
      assertThat(toSecond).hasSize(3);
      assertThat(texts(toFirst)).isSorted();
      assertThat(texts(toSecond)).isSorted();
      toFirst.forEach(first::acknowledge);
      toSecond.forEach(second::acknowledge);
      assertThat(first.receive(Duration.ofMillis(500))).isEmpty();
    }
  }

  @Test
  void the_partition_key_comes_back_from_the_session() {
    try (AzureServiceBusMessageConsumer consumer = consumer();
        AzureServiceBusMessageProducer producer =
            new AzureServiceBusMessageProducer(
                LocalBus.CONFIGURATION, Publication.builder().topic(topic).build())) {
      producer.send(message(topic, "C", "c1"));

      List<Message> received = receiveSome(consumer);

      assertThat(texts(received)).containsExactly("\"c1\"");
      assertThat(received.getFirst().header().partitionKey()).isEqualTo("C");
      received.forEach(consumer::acknowledge);
    }
  }

  private static Set<String> keys(List<Message> messages) {
    return messages.stream().map(m -> m.header().partitionKey()).collect(Collectors.toSet());
  }

  private static List<String> texts(List<Message> messages) {
    return messages.stream().map(m -> m.body().text()).toList();
  }
}
