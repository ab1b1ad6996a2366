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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Service Bus settings beyond the contract: a subscription's SQL filter, the bulk send. */
class AzureServiceBusChannelSettingsIT {

  private final RoutingKey topic = RoutingKey.of("settings-" + Id.random().value().substring(24));

  private static Message message(RoutingKey topic, MessageType type, int n) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, type).build(),
        MessageBody.json("{\"n\":" + n + "}"));
  }

  private static List<Message> receiveAll(AzureServiceBusMessageConsumer consumer, int expected) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              List<Message> more = consumer.receive(Duration.ofMillis(500));
              more.forEach(consumer::acknowledge);
              received.addAll(more);
              return received.size() >= expected;
            });
    return received;
  }

  @Test
  void a_subscription_with_a_sql_filter_takes_only_the_messages_it_passes() {
    AzureServiceBusSubscription eventsOnly =
        AzureServiceBusSubscription.DEFAULT.withSqlFilter("MessageType = 'MT_EVENT'");
    try (AzureServiceBusMessageConsumer events =
            new AzureServiceBusMessageConsumer(
                LocalBus.CONFIGURATION,
                eventsOnly,
                topic,
                "events",
                10,
                RoutingKey.of("unused"),
                OnMissingChannel.CREATE);
        AzureServiceBusMessageProducer producer =
            new AzureServiceBusMessageProducer(
                LocalBus.CONFIGURATION, Publication.builder().topic(topic).build())) {
      producer.send(message(topic, MessageType.COMMAND, 1));
      producer.send(message(topic, MessageType.EVENT, 2));
      producer.send(message(topic, MessageType.COMMAND, 3));

      List<Message> received = receiveAll(events, 1);

      assertThat(received)
          .singleElement()
          .satisfies(event -> assertThat(event.body().text()).isEqualTo("{\"n\":2}"));
      assertThat(events.receive(Duration.ofSeconds(1))).isEmpty();
    }
  }

  @Test
  void a_bulk_send_delivers_every_message_in_batches_of_the_configured_size() {
    AzureServiceBusConfiguration smallBatches =
        AzureServiceBusConfiguration.builder()
            .connectionString(io.brighter.azure.local.LocalServiceBus.shared().connectionString())
            .administrationPolicy(
                io.brighter.azure.local.LocalServiceBus.shared().administrationPolicy())
            .bulkSendBatchSize(10)
            .build();
    try (AzureServiceBusMessageConsumer consumer =
            new AzureServiceBusMessageConsumer(
                smallBatches,
                AzureServiceBusSubscription.DEFAULT,
                topic,
                "bulk",
                10,
                RoutingKey.of("unused"),
                OnMissingChannel.CREATE);
        AzureServiceBusMessageProducer producer =
            new AzureServiceBusMessageProducer(
                smallBatches, Publication.builder().topic(topic).build())) {
      List<Message> sent =
          IntStream.range(0, 25).mapToObj(n -> message(topic, MessageType.EVENT, n)).toList();

      producer.sendBatch(sent);

      assertThat(receiveAll(consumer, 25))
          .extracting(Message::id)
          .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
    }
  }
}
