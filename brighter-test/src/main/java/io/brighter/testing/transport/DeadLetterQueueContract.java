package io.brighter.testing.transport;

import static io.brighter.testing.transport.TransportMessages.fresh;
import static io.brighter.testing.transport.TransportMessages.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every transport's {@link DeadLetterQueue} keeps, run against a real consumer that
 * rejects messages into it: peeking shows each dead letter with its reason, original topic and
 * rejection time, oldest first, and leaves it; re-driving sends the chosen ones back to their topic
 * as new deliveries (same id and body, handled count 0, {@link HeaderNames#REDRIVE_COUNT} counting
 * up) and leaves the others in their order; the limit bounds both; the count says how many wait;
 * purging empties the queue. A transport's test extends this class and supplies the hooks, as
 * {@link TransportContract}'s do. Each case makes a fresh topic and channel, so suites may share
 * one broker.
 */
public abstract class DeadLetterQueueContract {

  private final RoutingKey topic = RoutingKey.of(fresh("dlq-topic"));
  private final String channelName = fresh("dlq-channel");
  private final RoutingKey deadLetterRoutingKey = RoutingKey.of(topic.value() + "-dlq");
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** A new producer of the transport for {@code publication}. */
  protected abstract MessageProducer createProducer(Publication publication);

  /**
   * A new consumer of {@code channelName} on {@code routingKey} that dead-letters rejected messages
   * to {@code deadLetterRoutingKey}, creating what is missing.
   */
  protected abstract MessageConsumer createConsumer(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey);

  /** The dead-letter queue the consumer of {@code channelName} rejects into. */
  protected abstract DeadLetterQueue createDeadLetterQueue(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey);

  /** How long one receive waits for the first message. */
  protected abstract Duration receiveTimeout();

  @AfterEach
  void closeWhatWasOpened() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void peek_shows_each_dead_letter_with_its_reason_and_origin_and_leaves_it() {
    MessageConsumer consumer = consumer();
    List<Message> sent = rejectThrough(consumer, 3, "greeting refused");
    DeadLetterQueue queue = queue();

    List<DeadLetter> letters = awaitDeadLetters(queue, 3);

    assertThat(letters).extracting(DeadLetter::id).containsExactlyElementsOf(ids(sent));
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(letter.reason()).contains("greeting refused");
              assertThat(letter.originalTopic()).isEqualTo(topic);
              assertThat(letter.rejectedAt()).isNotNull();
              assertThat(letter.redriveCount()).isZero();
              assertThat(letter.redrivable()).isTrue();
            });
    assertThat(queue.peek(10)).extracting(DeadLetter::id).containsExactlyElementsOf(ids(sent));
    await("the count of " + queue.name())
        .atMost(Duration.ofSeconds(10))
        .until(() -> queue.count() == 3);
  }

  @Test
  void redrive_sends_the_chosen_letters_back_as_new_deliveries_and_keeps_the_others() {
    MessageConsumer consumer = consumer();
    List<Message> sent = rejectThrough(consumer, 3, "greeting refused");
    DeadLetterQueue queue = queue();
    awaitDeadLetters(queue, 3);
    Set<Id> chosen = Set.of(sent.get(0).id(), sent.get(2).id());

    int redriven = queue.redrive(letter -> chosen.contains(letter.id()), 10);

    assertThat(redriven).isEqualTo(2);
    List<Message> again = receive(consumer, 2);
    assertThat(again).extracting(Message::id).containsExactlyInAnyOrderElementsOf(chosen);
    for (Message message : again) {
      Message original = sent.stream().filter(m -> m.id().equals(message.id())).findFirst().get();
      assertThat(message.body().bytes()).isEqualTo(original.body().bytes());
      assertThat(message.header().topic()).isEqualTo(topic);
      assertThat(message.header().handledCount()).isZero();
      assertThat(String.valueOf(message.header().bag().get(HeaderNames.REDRIVE_COUNT)))
          .isEqualTo("1");
      assertThat(message.header().bag()).doesNotContainKey(HeaderNames.REJECTION_REASON);
      consumer.acknowledge(message);
    }
    assertThat(queue.peek(10)).extracting(DeadLetter::id).containsExactly(sent.get(1).id());
  }

  @Test
  void a_letter_redriven_and_rejected_again_counts_its_redrives() {
    MessageConsumer consumer = consumer();
    Message sent = rejectThrough(consumer, 1, "first refusal").getFirst();
    DeadLetterQueue queue = queue();
    awaitDeadLetters(queue, 1);
    assertThat(queue.redrive(letter -> true, 10)).isEqualTo(1);
    Message redriven = receive(consumer, 1).getFirst();
    consumer.reject(redriven, RejectionReason.deliveryError("second refusal"));

    DeadLetter letter = awaitDeadLetters(queue, 1).getFirst();
    assertThat(letter.id()).isEqualTo(sent.id());
    assertThat(letter.reason()).contains("second refusal");
    assertThat(letter.redriveCount()).isEqualTo(1);
    assertThat(queue.redrive(any -> true, 10)).isEqualTo(1);
    assertThat(
            String.valueOf(
                receive(consumer, 1).getFirst().header().bag().get(HeaderNames.REDRIVE_COUNT)))
        .isEqualTo("2");
  }

  @Test
  void the_limit_bounds_peek_and_redrive() {
    MessageConsumer consumer = consumer();
    List<Message> sent = rejectThrough(consumer, 3, "greeting refused");
    DeadLetterQueue queue = queue();
    awaitDeadLetters(queue, 3);

    assertThat(queue.peek(2))
        .extracting(DeadLetter::id)
        .containsExactlyElementsOf(ids(sent.subList(0, 2)));
    assertThat(queue.redrive(letter -> true, 2)).isEqualTo(2);

    assertThat(queue.peek(10)).extracting(DeadLetter::id).containsExactly(sent.get(2).id());
  }

  @Test
  void purge_empties_the_queue() {
    MessageConsumer consumer = consumer();
    rejectThrough(consumer, 2, "greeting refused");
    DeadLetterQueue queue = queue();
    awaitDeadLetters(queue, 2);

    assertThat(queue.purge()).isEqualTo(2);

    assertThat(queue.peek(10)).isEmpty();
    assertThat(queue.count()).isZero();
  }

  private MessageConsumer consumer() {
    return open(createConsumer(topic, channelName, deadLetterRoutingKey));
  }

  private DeadLetterQueue queue() {
    return createDeadLetterQueue(topic, channelName, deadLetterRoutingKey);
  }

  /** Sends {@code count} messages, receives them and rejects each for {@code reason}. */
  private List<Message> rejectThrough(MessageConsumer consumer, int count, String reason) {
    MessageProducer producer =
        open(
            createProducer(
                Publication.builder().topic(topic).makeChannels(OnMissingChannel.CREATE).build()));
    List<Message> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Message message = plain(topic, i);
      producer.send(message);
      sent.add(message);
    }
    for (Message received : receive(consumer, count)) {
      consumer.reject(received, RejectionReason.deliveryError(reason));
    }
    return sent;
  }

  private List<Message> receive(MessageConsumer consumer, int count) {
    List<Message> received = new ArrayList<>();
    await(count + " message(s) on " + channelName)
        .atMost(receiveTimeout().multipliedBy(10).plusSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .pollInSameThread()
        .until(
            () -> {
              received.addAll(consumer.receive(receiveTimeout()));
              return received.size() >= count;
            });
    return received;
  }

  private List<DeadLetter> awaitDeadLetters(DeadLetterQueue queue, int count) {
    List<List<DeadLetter>> seen = new ArrayList<>();
    await(count + " dead letter(s) in " + queue.name())
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<DeadLetter> letters = queue.peek(count + 5);
              seen.add(letters);
              return letters.size() == count;
            });
    return seen.getLast();
  }

  private static List<Id> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }
}
