package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.Message;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.TestJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Re-drive on RabbitMQ beyond the shared rules: a copy nothing takes leaves its dead letter in the
 * queue, and a re-driving process killed half-way loses nothing: each message is still
 * dead-lettered, or re-delivered (or, for the one in flight, both).
 */
class RmqDeadLetterQueueIT {

  private final RoutingKey topic = RoutingKey.of(Fixtures.fresh("redrive"));
  private final String queue = topic.value();
  private final String deadLetters = RmqSubscription.DEFAULT.deadLetterQueueFor(queue);
  private final RmqConnection connection = Broker.connection();
  private final RmqMessageConsumer consumer =
      new RmqMessageConsumer(
          connection,
          RmqSubscription.DEFAULT,
          topic,
          queue,
          50,
          RoutingKey.of(queue + ".dead"),
          OnMissingChannel.CREATE);

  @AfterEach
  void cleanUp() {
    consumer.close();
    Broker.deleteQueues(List.of(queue, deadLetters));
  }

  /** Sends {@code count} messages and rejects each into the dead-letter queue. */
  private Set<Id> deadLettered(int count) {
    Set<Id> ids = new HashSet<>();
    try (RmqMessageProducer producer =
        new RmqMessageProducer(connection, Publication.builder().topic(topic).build())) {
      for (int i = 0; i < count; i++) {
        Message message = Fixtures.event(topic, i);
        producer.send(message);
        ids.add(message.id());
      }
    }
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              received.addAll(consumer.receive(Duration.ofMillis(200)));
              return received.size() >= count;
            });
    received.forEach(message -> consumer.reject(message, RejectionReason.deliveryError("test")));
    await().atMost(Duration.ofSeconds(10)).until(() -> Broker.ready(deadLetters) == count);
    return ids;
  }

  @Test
  void a_copy_nothing_takes_leaves_its_dead_letter_in_the_queue() {
    Set<Id> ids = deadLettered(2);
    Broker.deleteQueues(List.of(queue)); // the topic now has no queue bound

    int redriven = new RmqDeadLetterQueue(connection, deadLetters).redrive(letter -> true, 10);

    assertThat(redriven).isZero();
    assertThat(new RmqDeadLetterQueue(connection, deadLetters).peek(10))
        .extracting(DeadLetter::id)
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_redriving_process_killed_half_way_loses_nothing() throws Exception {
    int count = 200;
    Set<Id> ids = deadLettered(count);

    Process redrive =
        TestJvm.start(
            RmqRedriveProcess.class,
            List.of(),
            List.of(Broker.uri().toString(), connection.exchange().name(), deadLetters),
            ProcessBuilder.Redirect.DISCARD);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Broker.ready(queue) >= count / 4 || !redrive.isAlive());
    } finally {
      redrive.destroyForcibly(); // SIGKILL, half-way
      redrive.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(Broker.ready(queue)).as("re-driven before the kill").isBetween(1L, count - 1L);

    Set<Id> redelivered = new HashSet<>();
    int[] emptyReceives = {0};
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<Message> batch = consumer.receive(Duration.ofMillis(200));
              for (Message message : batch) {
                redelivered.add(message.id());
                consumer.acknowledge(message);
              }
              // the consumer's prefetch is not counted as ready: drain until it is empty too
              emptyReceives[0] = batch.isEmpty() ? emptyReceives[0] + 1 : 0;
              return emptyReceives[0] >= 3 && Broker.ready(queue) == 0;
            });
    Set<Id> stillDead = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              stillDead.clear();
              new RmqDeadLetterQueue(connection, deadLetters)
                  .peek(count * 2)
                  .forEach(letter -> stillDead.add(letter.id()));
              return Broker.ready(deadLetters) == stillDead.size();
            });

    Set<Id> found = new HashSet<>(redelivered);
    found.addAll(stillDead);
    assertThat(found).as("every message dead-lettered or re-delivered").isEqualTo(ids);
    Set<Id> both = new HashSet<>(redelivered);
    both.retainAll(stillDead);
    assertThat(both)
        .as("in both places: only the one in flight at the kill")
        .hasSizeLessThanOrEqualTo(1);
  }
}
