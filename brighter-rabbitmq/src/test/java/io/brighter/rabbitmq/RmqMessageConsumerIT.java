package io.brighter.rabbitmq;

import static io.brighter.rabbitmq.Fixtures.event;
import static io.brighter.rabbitmq.Fixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the consumer does on the loopback broker beyond the shared transport rules. */
class RmqMessageConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(2);

  private final RmqConnection connection = Broker.connection();
  private final RoutingKey topic = RoutingKey.of(fresh("topic"));
  private final RoutingKey deadLetters = RoutingKey.of(topic.value() + ".dlq");
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
  void a_quorum_queue_is_declared_and_consumed() {
    // given
    RmqMessageConsumer consumer =
        consumer(RmqSubscription.DEFAULT.withQueueType(RmqQueueType.QUORUM));
    Message sent = event(topic, 1);

    // when
    producer().send(sent);

    // then
    Message received = receiveOne(consumer);
    consumer.acknowledge(received);
    assertThat(received.id()).isEqualTo(sent.id());
    var classic =
        RmqTopology.queueArguments(
            new RmqTopology.QueueSpec(
                queue, topic, deadLetters, connection, RmqSubscription.DEFAULT));
    assertThatThrownBy(
            () -> Broker.admin(channel -> channel.queueDeclare(queue, true, false, false, classic)))
        .as("the queue is a quorum queue")
        .hasStackTraceContaining("x-queue-type");
  }

  @Test
  void a_rejected_message_lands_in_the_dead_letter_queue_declared_with_the_queue() {
    // given
    RmqMessageConsumer consumer = consumer(RmqSubscription.DEFAULT);
    Message sent = event(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    boolean rejected = consumer.reject(received, RejectionReason.deliveryError("cancelled"));

    // then
    assertThat(rejected).isTrue();
    Message dead = receiveOne(deadLetterQueue());
    assertThat(dead.id()).isEqualTo(sent.id());
    assertThat(dead.header().bag())
        .containsEntry(
            HeaderNames.REJECTION_REASON,
            "Message rejected reason: DeliveryError Description: cancelled");
    assertThat(Broker.ready(queue)).isZero();
  }

  @Test
  void a_message_that_outlives_the_queue_ttl_is_dead_lettered_by_the_broker() {
    // given a queue whose messages expire after 100 ms, nobody reading it
    consumer(RmqSubscription.DEFAULT.withMessageTtl(Duration.ofMillis(100))).close();
    Message sent = event(topic, 1);

    // when
    producer().send(sent);

    // then: the queue's x-dead-letter-exchange and routing key took it to the dead-letter queue
    Message dead = receiveOne(deadLetterQueue());
    assertThat(dead.id()).isEqualTo(sent.id());
  }

  @Test
  void a_requeued_message_keeps_its_id_and_carries_the_handled_count_given() {
    // given
    RmqMessageConsumer consumer = consumer(RmqSubscription.DEFAULT);
    Message sent = event(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    consumer.requeue(received.withHeader(received.header().withHandledCount(1)), Duration.ZERO);
    Message again = receiveOne(consumer);
    consumer.requeue(again.withHeader(again.header().withHandledCount(2)), Duration.ZERO);
    Message third = receiveOne(consumer);

    // then
    consumer.acknowledge(third);
    assertThat(third.id()).isEqualTo(sent.id());
    assertThat(third.header().handledCount()).isEqualTo(2);
  }

  @Test
  void settling_twice_does_nothing_the_second_time() {
    // given
    RmqMessageConsumer consumer = consumer(RmqSubscription.DEFAULT);
    producer().send(event(topic, 1));
    Message received = receiveOne(consumer);
    consumer.acknowledge(received);

    // when / then
    consumer.acknowledge(received);
    assertThat(consumer.reject(received, RejectionReason.deliveryError("late"))).isFalse();
    assertThat(consumer.requeue(received, Duration.ZERO)).isFalse();
  }

  @Test
  void acks_sent_together_never_cover_an_earlier_message_still_unsettled() {
    // given three messages in one batch
    RmqMessageConsumer consumer = consumer(RmqSubscription.DEFAULT, 3);
    RmqMessageProducer producer = producer();
    List<Message> sent = List.of(event(topic, 1), event(topic, 2), event(topic, 3));
    sent.forEach(producer::send);
    List<Message> batch = receive(consumer, 3);

    // when the last two are acknowledged, the acks sent with the next receive, and the consumer
    // closed with the first still unsettled
    consumer.acknowledge(batch.get(1));
    consumer.acknowledge(batch.get(2));
    assertThat(consumer.receive(Duration.ofMillis(200))).isEmpty();
    consumer.close();

    // then only the first comes back
    Message again = receiveOne(consumer(RmqSubscription.DEFAULT));
    assertThat(again.id()).isEqualTo(batch.get(0).id());
    assertThat(again.receipt().redelivered()).isTrue();
  }

  @Test
  void acks_still_waiting_are_sent_when_the_consumer_closes() {
    // given
    RmqMessageConsumer consumer = consumer(RmqSubscription.DEFAULT, 2);
    RmqMessageProducer producer = producer();
    producer.send(event(topic, 1));
    producer.send(event(topic, 2));
    List<Message> batch = receive(consumer, 2);

    // when
    batch.forEach(consumer::acknowledge);
    consumer.close();

    // then nothing comes back
    RmqMessageConsumer next = consumer(RmqSubscription.DEFAULT);
    assertThat(next.receive(Duration.ofMillis(500))).isEmpty();
    assertThat(Broker.ready(queue)).isZero();
  }

  @Test
  void validate_fails_on_a_missing_queue_with_a_configuration_exception_naming_it() {
    assertThatThrownBy(
            () ->
                new RmqMessageConsumer(
                    connection,
                    RmqSubscription.DEFAULT,
                    topic,
                    queue,
                    1,
                    deadLetters,
                    OnMissingChannel.VALIDATE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(queue);
  }

  @Test
  void a_queue_declared_with_other_settings_fails_with_a_configuration_exception() {
    // given
    consumer(RmqSubscription.DEFAULT).close();

    // when / then
    assertThatThrownBy(
            () -> consumer(RmqSubscription.DEFAULT.withMaxQueueLength(5, RmqOverflow.DROP_HEAD)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("other settings");
  }

  private RmqMessageConsumer consumer(RmqSubscription options) {
    return consumer(options, 1);
  }

  private RmqMessageConsumer consumer(RmqSubscription options, int bufferSize) {
    return open(
        new RmqMessageConsumer(
            connection, options, topic, queue, bufferSize, deadLetters, OnMissingChannel.CREATE));
  }

  private RmqMessageConsumer deadLetterQueue() {
    return open(
        new RmqMessageConsumer(
            connection,
            RmqSubscription.DEFAULT,
            deadLetters,
            queue + ".dlq",
            1,
            RoutingKey.of(deadLetters.value() + ".dlq"),
            OnMissingChannel.ASSUME));
  }

  private RmqMessageProducer producer() {
    return open(new RmqMessageProducer(connection, Publication.builder().topic(topic).build()));
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  private static List<Message> receive(RmqMessageConsumer consumer, int count) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(WAIT.multipliedBy(3))
        .until(
            () -> {
              received.addAll(consumer.receive(WAIT));
              return received.size() >= count;
            });
    assertThat(received).hasSize(count);
    return received;
  }

  private static Message receiveOne(RmqMessageConsumer consumer) {
    return receive(consumer, 1).getFirst();
  }
}
