package io.brighter.rabbitmq;

import static io.brighter.rabbitmq.Fixtures.event;
import static io.brighter.rabbitmq.Fixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageTooLargeException;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the producer does on the loopback broker beyond the shared transport rules. */
class RmqMessageProducerIT {

  private final RmqConnection connection = Broker.connection();
  private final RoutingKey topic = RoutingKey.of(fresh("topic"));
  private final String queue = fresh("queue");
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable resource : opened.reversed()) {
      resource.close();
    }
    Broker.deleteQueues(List.of(queue, queue + ".dlq"));
  }

  @Test
  void with_a_listener_sends_are_pipelined_and_every_confirm_is_reported() {
    // given
    bindQueue(RmqSubscription.DEFAULT);
    RmqMessageProducer producer = producer(OnMissingChannel.CREATE);
    List<PublishConfirmation> confirmations = new CopyOnWriteArrayList<>();
    producer.onConfirmation(confirmations::add);
    List<Message> sent = IntStream.range(0, 500).mapToObj(n -> event(topic, n)).toList();

    // when
    sent.forEach(producer::send);

    // then
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(confirmations).hasSize(sent.size()));
    assertThat(confirmations).allMatch(PublishConfirmation::delivered);
    assertThat(confirmations)
        .extracting(PublishConfirmation::messageId)
        .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
    await().untilAsserted(() -> assertThat(Broker.ready(queue)).isEqualTo(500));
  }

  @Test
  void a_message_refused_by_a_full_queue_is_reported_not_delivered() {
    // given a queue of one message that refuses more
    bindQueue(RmqSubscription.DEFAULT.withMaxQueueLength(1, RmqOverflow.REJECT_PUBLISH));
    RmqMessageProducer producer = producer(OnMissingChannel.CREATE);
    List<PublishConfirmation> confirmations = new CopyOnWriteArrayList<>();
    producer.onConfirmation(confirmations::add);
    Message first = event(topic, 1);
    Message second = event(topic, 2);

    // when
    producer.send(first);
    producer.send(second);

    // then
    await().untilAsserted(() -> assertThat(confirmations).hasSize(2));
    // (a refusal may overtake the confirm of a persistent message still being written)
    assertThat(confirmations).contains(new PublishConfirmation(first.id(), true, null));
    assertThat(confirmations)
        .filteredOn(confirmation -> confirmation.messageId().equals(second.id()))
        .singleElement()
        .satisfies(
            refused -> {
              assertThat(refused.delivered()).isFalse();
              assertThat(refused.failure()).isInstanceOf(RmqPublishException.class);
            });
  }

  @Test
  void without_a_listener_send_waits_and_throws_when_the_broker_refuses() {
    // given
    bindQueue(RmqSubscription.DEFAULT.withMaxQueueLength(1, RmqOverflow.REJECT_PUBLISH));
    RmqMessageProducer producer = producer(OnMissingChannel.CREATE);
    producer.send(event(topic, 1));

    // when / then
    Message refused = event(topic, 2);
    assertThatThrownBy(() -> producer.send(refused))
        .isInstanceOfSatisfying(
            RmqPublishException.class, e -> assertThat(e.messageId()).isEqualTo(refused.id()));
  }

  @Test
  void send_async_completes_when_the_broker_confirms() {
    // given
    bindQueue(RmqSubscription.DEFAULT);
    RmqMessageProducer producer = producer(OnMissingChannel.CREATE);

    // when
    var confirmed = producer.sendAsync(event(topic, 1));

    // then
    assertThat(confirmed).succeedsWithin(Duration.ofSeconds(5));
    assertThat(Broker.ready(queue)).isEqualTo(1);
  }

  @Test
  void headers_that_cannot_fit_a_frame_are_refused_with_a_clear_error_and_the_channel_goes_on() {
    // given
    bindQueue(RmqSubscription.DEFAULT);
    RmqMessageProducer producer = producer(OnMissingChannel.CREATE);
    Message event = event(topic, 1);
    Message huge =
        event.withHeader(
            event.header().toBuilder().bagEntry("x-huge", "h".repeat(200_000)).build());

    // when / then
    assertThatThrownBy(() -> producer.send(huge))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining(huge.id().value())
        .hasMessageContaining("headers of about");
    producer.send(event(topic, 2));
    await().untilAsserted(() -> assertThat(Broker.ready(queue)).isEqualTo(1));
  }

  @Test
  void the_largest_message_is_the_publications_and_16_mib_by_default() {
    // given
    Publication publication = Publication.builder().topic(topic).build();

    // when
    RmqMessageProducer standard = open(new RmqMessageProducer(connection, publication));
    RmqMessageProducer lowered =
        open(
            new RmqMessageProducer(
                connection, publication, RmqPublication.DEFAULT.withMaxMessageBytes(4_096)));

    // then
    assertThat(standard.maxMessageBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(lowered.maxMessageBytes()).isEqualTo(4_096);
    assertThatThrownBy(() -> RmqPublication.DEFAULT.withMaxMessageBytes(0))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void validate_fails_at_once_on_a_missing_exchange() {
    // given
    RmqConnection elsewhere =
        RmqConnection.builder()
            .uri(Broker.uri())
            .exchange(RmqExchange.direct(fresh("exchange")))
            .build();
    Publication publication =
        Publication.builder().topic(topic).makeChannels(OnMissingChannel.VALIDATE).build();

    // when / then
    assertThatThrownBy(() -> new RmqMessageProducer(elsewhere, publication))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("exchange");
  }

  @Test
  void a_send_while_the_broker_is_unreachable_fails_and_the_circuit_then_fails_fast() {
    // given a broker address nothing listens on
    RmqConnection nowhere =
        RmqConnection.builder()
            .uri(java.net.URI.create("amqp://guest:guest@127.0.0.1:1"))
            .retry(new RmqConnectionRetry(1, Duration.ofMillis(10), Duration.ofMinutes(1)))
            .build();
    RmqMessageProducer producer =
        open(new RmqMessageProducer(nowhere, Publication.builder().topic(topic).build()));

    // when / then: the constructor's tries opened the circuit
    assertThatThrownBy(() -> producer.send(event(topic, 1)))
        .isInstanceOf(RmqBrokerUnreachableException.class)
        .hasMessageContaining("circuit is open");
  }

  private void bindQueue(RmqSubscription options) {
    open(new RmqMessageConsumer(
            connection,
            options,
            topic,
            queue,
            1,
            RoutingKey.of(topic.value() + ".dlq"),
            OnMissingChannel.CREATE))
        .close();
  }

  private RmqMessageProducer producer(OnMissingChannel makeChannels) {
    return open(
        new RmqMessageProducer(
            connection, Publication.builder().topic(topic).makeChannels(makeChannels).build()));
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }
}
