package io.brighter.testing.transport;

import static io.brighter.testing.transport.TransportMessages.assertCarried;
import static io.brighter.testing.transport.TransportMessages.fresh;
import static io.brighter.testing.transport.TransportMessages.full;
import static io.brighter.testing.transport.TransportMessages.ids;
import static io.brighter.testing.transport.TransportMessages.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.PoisonMessages.MessagePoison;
import io.brighter.testing.transport.PoisonMessages.Poison;
import io.brighter.testing.transport.PoisonMessages.RawPoison;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The rules every message transport keeps, as JUnit cases run against a real {@link
 * MessageProducer} and {@link MessageConsumer} of the transport. A transport's test extends this
 * class and only supplies them, as the in-memory transport's does:
 *
 * {@snippet :
 * class InMemoryTransportContractTest extends TransportContract {
 *   private final InMemoryBus bus = new InMemoryBus();
 *
 *   @Override protected MessageProducer createProducer(Publication publication) {
 *     return new InMemoryMessageProducer(bus, publication);
 *   }
 *   @Override protected MessageConsumer createConsumer(RoutingKey routingKey, String channelName,
 *       int bufferSize, RoutingKey deadLetterRoutingKey, OnMissingChannel makeChannels) {
 *     return new InMemoryMessageConsumer(
 *         bus, routingKey, channelName, bufferSize, deadLetterRoutingKey, makeChannels);
 *   }
 *   @Override protected Duration receiveTimeout() { return Duration.ofMillis(100); }
 *   @Override protected boolean supportsDelay() { return true; }
 *   @Override protected boolean preservesOrder() { return true; }
 *   @Override protected boolean canValidateMissingChannel() { return true; }
 * }
 * }
 *
 * <p>The cases check that a sent message arrives with every header field a transport carries and
 * its exact body bytes; that several messages all arrive, in batches no bigger than the buffer
 * size, and in order where the transport orders; that an acknowledged message is not delivered
 * again, even to a new consumer; that a requeued message comes back with the handled count it
 * carried when requeued; that a nacked message comes again as it was; that a producer that confirms
 * reports each message delivered; that a message requeued or sent with a delay does not arrive
 * before the delay; that a rejected message goes to the dead-letter routing key with the reason in
 * its bag under {@link HeaderNames#REJECTION_REASON}, and the original topic, type and rejection
 * time beside it; that purge empties the channel; that closing a consumer returns its unsettled
 * messages for redelivery; and that {@link OnMissingChannel#VALIDATE} fails with a {@link
 * ConfigurationException} on a missing channel or topic, accepts existing ones, and that {@link
 * OnMissingChannel#ASSUME} creates nothing.
 *
 * <p><b>Poison never stops a pump.</b> Four more cases run messages with bad types, bodies and
 * headers, mixed with valid ones, through a real {@link io.brighter.serviceactivator.Dispatcher}
 * with two pumps on the case's channel, once per pump type: every valid message is handled once;
 * every poison message ends handled, dead-lettered with a reason that names what was wrong, or (for
 * headers a transport may read leniently) either; no pump stops or is restarted; no exception
 * reaches a thread's uncaught exception handler; and once the dispatcher stops, nothing is left on
 * the channel. The poison a producer can send: types {@code QUIT} and {@code NONE}, a body that is
 * not JSON, an empty body, a JSON body without an id (handled, with the message id), a CloudEvents
 * type no handler knows, a 129 KB header with a bad body, a 300-character id with a bad body. The
 * poison only a raw client can publish ({@link #publishRaw}): an empty or blank {@code Topic}
 * header, an unknown {@code MessageType}, a {@code HandledCount} that is not a number, a
 * 300-character id with a bad body, a header just under a RabbitMQ frame with a bad body, and no
 * headers at all. The dispatcher's consumers come from {@link #createConsumer}, called on the
 * pumps' own threads.
 *
 * <p><b>Every case must pass.</b> A transport may leave out a case only by answering a hook below
 * with {@code false}, which JUnit reports as disabled with the reason; nothing is skipped by an
 * assumption, and the in-memory transport runs every case but the raw poison, as it has no wire.
 * Answer {@code false} only for what the broker cannot do, and say why in the transport's Javadoc.
 *
 * <p><b>Sharing a broker.</b> Each case makes a fresh topic, channel and dead-letter routing key
 * ({@code tc-…} names of letters, digits and hyphens), settles what it receives and closes what it
 * opened, so suites may share one loopback broker and run in any order.
 *
 * <p><b>Time.</b> An empty receive waits {@link #receiveTimeout()}; a receive that expects messages
 * keeps receiving for ten times that, plus the delay and a second. The delay cases use a delay of
 * {@value #DELAY_MILLIS} ms and allow the message {@value #TOLERANCE_MILLIS} ms early for clock
 * skew.
 *
 * <p><b>Hooks.</b> {@link #createProducer} and {@link #createConsumer} are called several times per
 * case, each time for a new producer or consumer that the case closes; consumers made for the same
 * routing key and channel name read the same channel. JUnit makes a new test instance per case, so
 * a field may hold the connection. Override {@link #createDeadLetterConsumer} when dead letters are
 * read from somewhere other than a channel of the dead-letter routing key.
 */
public abstract class TransportContract {

  /** The delay of the delay cases, in milliseconds. */
  public static final long DELAY_MILLIS = 500;

  /** How early a delayed message may arrive, in milliseconds, for clock skew. */
  public static final long TOLERANCE_MILLIS = 50;

  private static final Duration DELAY = Duration.ofMillis(DELAY_MILLIS);
  private static final int BUFFER_SIZE = 3;
  private static final RejectionReason REASON = RejectionReason.deliveryError("contract");

  private final RoutingKey topic = RoutingKey.of(fresh("topic"));
  private final String channelName = fresh("channel");
  private final RoutingKey deadLetterRoutingKey = RoutingKey.of(topic.value() + "-dlq");
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /**
   * A new producer of the transport under test for {@code publication}, which names the topic and
   * what to do when it is missing ({@link Publication#makeChannels()}). It may check the topic when
   * made or when it first sends.
   */
  protected abstract MessageProducer createProducer(Publication publication);

  /**
   * A new consumer of the channel {@code channelName} on {@code routingKey}, returning at most
   * {@code bufferSize} messages per receive and dead-lettering rejected messages to {@code
   * deadLetterRoutingKey}. {@code makeChannels} says what to do when the channel is missing; the
   * consumer may check it when made or when it first receives.
   */
  protected abstract MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels);

  /**
   * How long one receive waits for the first message: long enough that a message sent or
   * redelivered just before would arrive within it. A few milliseconds for an in-memory transport,
   * a second or more for a broker.
   */
  protected abstract Duration receiveTimeout();

  /**
   * Whether {@link MessageProducer#sendWithDelay} and {@link MessageConsumer#requeue} with a delay
   * hold the message back for the delay (natively or otherwise). When false the two delay cases are
   * disabled.
   */
  protected abstract boolean supportsDelay();

  /**
   * Whether messages with one partition key, sent one after another by one producer, arrive in the
   * order sent. When false the several-messages case checks only that each arrives once.
   */
  protected abstract boolean preservesOrder();

  /**
   * Whether {@link OnMissingChannel#VALIDATE} really checks the broker for the channel and topic.
   * When false the two cases that need the check (validate fails on a missing channel or topic;
   * assume creates nothing) are disabled.
   */
  protected abstract boolean canValidateMissingChannel();

  /**
   * Whether a nacked message comes back with the handled count it came with. True unless
   * overridden; a transport whose handled count is the broker's count of deliveries (an SQS FIFO
   * queue, where a message cannot go back unchanged without leaving its place in its group) answers
   * false, and the nack case then checks the nack counted as exactly one delivery.
   */
  protected boolean nackKeepsTheHandledCount() {
    return true;
  }

  /**
   * Whether the transport's consumers read deliveries off a wire, so that {@link #publishRaw} can
   * put headers there that no producer of this project writes. When false the two raw poison cases
   * are disabled. True unless overridden.
   */
  protected boolean hasWireFormat() {
    return true;
  }

  /**
   * Publishes {@code delivery} to {@code topic} with the broker's own client, as a publisher that
   * is not Brighter would: its fields under the transport's wire names ({@link
   * RawDelivery#wireHeaders}), its other headers as they are, and its body.
   */
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    throw new UnsupportedOperationException(
        "override publishRaw, or answer hasWireFormat() with false");
  }

  /**
   * A consumer of the messages rejected to {@code deadLetterRoutingKey}, made before the rejection.
   * By default a consumer of the channel {@code channelName} on that routing key.
   */
  protected MessageConsumer createDeadLetterConsumer(
      RoutingKey deadLetterRoutingKey, String channelName) {
    return createConsumer(
        deadLetterRoutingKey,
        channelName,
        1,
        RoutingKey.of(deadLetterRoutingKey.value() + "-dlq"),
        OnMissingChannel.CREATE);
  }

  @Test
  final void a_sent_message_arrives_with_every_carried_header_field_and_its_exact_body() {
    // given
    MessageConsumer consumer = consumer(1);
    Message sent = full(topic);

    // when
    producer().send(sent);

    // then
    Message received = receiveOne(consumer);
    assertCarried(received, sent);
    consumer.acknowledge(received);
  }

  @Test
  final void several_messages_each_arrive_once_in_order_where_the_transport_orders() {
    // given
    MessageConsumer consumer = consumer(BUFFER_SIZE);
    List<Message> sent = IntStream.range(0, 7).mapToObj(n -> plain(topic, n)).toList();

    // when
    MessageProducer producer = producer();
    sent.forEach(producer::send);

    // then
    // each batch settled before the next receive, as a pump does: a FIFO queue holds back the
    // rest of a message group while any of it is unsettled
    List<List<Message>> batches =
        batches(consumer, sent.size(), batch -> batch.forEach(consumer::acknowledge));
    List<Message> received = batches.stream().flatMap(List::stream).toList();
    assertThat(batches)
        .allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(BUFFER_SIZE));
    if (preservesOrder()) {
      assertThat(ids(received)).containsExactlyElementsOf(ids(sent));
    } else {
      assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(ids(sent));
    }
  }

  @Test
  final void an_acknowledged_message_is_not_delivered_again() {
    // given
    MessageConsumer first = consumer(1);
    producer().send(plain(topic, 1));
    Message received = receiveOne(first);

    // when
    first.acknowledge(received);
    close(first);

    // then
    assertThat(consumer(1).receive(receiveTimeout())).as("delivered again").isEmpty();
  }

  @Test
  final void a_requeued_message_is_delivered_again_with_the_handled_count_it_carries() {
    // given
    MessageConsumer consumer = consumer(1);
    Message sent = plain(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    boolean requeued =
        consumer.requeue(received.withHeader(received.header().withHandledCount(2)), Duration.ZERO);

    // then
    assertThat(requeued).isTrue();
    Message again = receiveOne(consumer);
    assertThat(again.id()).isEqualTo(sent.id());
    assertThat(again.header().handledCount()).isEqualTo(2);
    assertThat(again.body().bytes()).isEqualTo(sent.body().bytes());
    consumer.acknowledge(again);
  }

  @Test
  @EnabledIf(value = "supportsDelay", disabledReason = "the transport declares it cannot delay")
  final void a_message_requeued_with_a_delay_does_not_arrive_before_the_delay() {
    // given
    MessageConsumer consumer = consumer(1);
    Message sent = plain(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    long start = System.nanoTime();
    assertThat(consumer.requeue(received, DELAY)).isTrue();

    // then
    assertArrivesAfterTheDelay(consumer, sent, start);
  }

  @Test
  @EnabledIf(value = "supportsDelay", disabledReason = "the transport declares it cannot delay")
  final void a_message_sent_with_a_delay_does_not_arrive_before_the_delay() {
    // given
    MessageConsumer consumer = consumer(1);
    Message sent = plain(topic, 1);

    // when
    long start = System.nanoTime();
    producer().sendWithDelay(sent, DELAY);

    // then
    assertArrivesAfterTheDelay(consumer, sent, start);
  }

  @Test
  final void a_rejected_message_goes_to_the_dead_letter_routing_key_with_the_reason() {
    // given
    MessageConsumer consumer = consumer(1);
    MessageConsumer deadLetters =
        open(createDeadLetterConsumer(deadLetterRoutingKey, fresh("dead-letters")));
    Message sent = plain(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    boolean rejected = consumer.reject(received, REASON);

    // then
    assertThat(rejected).isTrue();
    Message dead = receiveOne(deadLetters);
    deadLetters.acknowledge(dead);
    assertThat(dead.id()).isEqualTo(sent.id());
    assertThat(dead.header().bag())
        .containsEntry(HeaderNames.REJECTION_REASON, REASON.text())
        .containsEntry(HeaderNames.ORIGINAL_TOPIC, topic.value())
        .containsEntry(HeaderNames.ORIGINAL_TYPE, "MT_EVENT")
        .containsKey(HeaderNames.REJECTION_TIMESTAMP);
    assertThat(dead.body().bytes()).isEqualTo(sent.body().bytes());
    assertThat(consumer.receive(receiveTimeout())).as("left on the channel").isEmpty();
  }

  @Test
  final void a_nacked_message_is_delivered_again_as_it_came() {
    // given
    MessageConsumer consumer = consumer(1);
    Message sent = plain(topic, 1);
    producer().send(sent);
    Message received = receiveOne(consumer);

    // when
    boolean given = consumer.nack(received);

    // then
    assertThat(given).isTrue();
    Message again = receiveOne(consumer);
    consumer.acknowledge(again);
    assertThat(again.id()).isEqualTo(sent.id());
    if (nackKeepsTheHandledCount()) {
      assertThat(again.header().handledCount()).isZero();
    } else {
      assertThat(again.header().handledCount()).as("the nack counted as one delivery").isOne();
    }
    assertThat(again.body().bytes()).isEqualTo(sent.body().bytes());
  }

  @Test
  final void a_producer_that_confirms_reports_each_message_delivered() {
    // given
    MessageConsumer consumer = consumer(BUFFER_SIZE);
    MessageProducer producer = producer();
    List<PublishConfirmation> confirmations = new CopyOnWriteArrayList<>();
    producer.onConfirmations(confirmations::addAll);
    List<Message> sent = IntStream.range(0, 3).mapToObj(n -> plain(topic, n)).toList();

    // when
    sent.forEach(producer::send);

    // then
    if (producer.confirmsPublication()) {
      await("confirmations")
          .atMost(receiveTimeout().multipliedBy(10).plusSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(confirmations)
                      .extracting(PublishConfirmation::messageId, PublishConfirmation::delivered)
                      .containsExactlyInAnyOrderElementsOf(
                          sent.stream().map(m -> tuple(m.id(), true)).toList()));
    }
    List<Message> received = batches(consumer, sent.size()).stream().flatMap(List::stream).toList();
    received.forEach(consumer::acknowledge);
    assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(ids(sent));
  }

  @Test
  final void purge_empties_the_channel() {
    // given
    MessageConsumer consumer = consumer(BUFFER_SIZE);
    MessageProducer producer = producer();
    IntStream.range(0, 3).forEach(n -> producer.send(plain(topic, n)));

    // when
    consumer.purge();

    // then
    assertThat(consumer.receive(receiveTimeout())).as("left after purge").isEmpty();
    Message marker = plain(topic, 99);
    producer.send(marker);
    Message received = receiveOne(consumer);
    consumer.acknowledge(received);
    assertThat(received.id()).as("the channel still works").isEqualTo(marker.id());
  }

  @Test
  final void closing_a_consumer_returns_its_unsettled_message_for_redelivery() {
    // given
    MessageConsumer first = consumer(1);
    Message sent = plain(topic, 1);
    producer().send(sent);
    receiveOne(first);

    // when
    close(first);

    // then
    MessageConsumer second = consumer(1);
    Message again = receiveOne(second);
    second.acknowledge(again);
    assertThat(again.id()).isEqualTo(sent.id());
  }

  @Test
  @EnabledIf(
      value = "canValidateMissingChannel",
      disabledReason = "the transport declares it cannot check for a missing channel")
  final void validate_fails_on_a_missing_channel_or_topic() {
    assertValidateFails();
  }

  @Test
  final void validate_accepts_an_existing_channel_and_topic() {
    // given
    close(consumer(1));
    producer();

    // when
    MessageConsumer consumer = consumer(1, OnMissingChannel.VALIDATE);
    Message sent = sendWith(OnMissingChannel.VALIDATE);

    // then
    Message received = receiveOne(consumer);
    consumer.acknowledge(received);
    assertThat(received.id()).isEqualTo(sent.id());
  }

  @Test
  @EnabledIf(
      value = "canValidateMissingChannel",
      disabledReason = "the transport declares it cannot check for a missing channel")
  final void assume_creates_no_channel_or_topic() {
    // when: ASSUME promises nothing about a missing channel but that it stays missing
    catchThrowable(() -> close(consumer(1, OnMissingChannel.ASSUME)));
    catchThrowable(() -> open(createProducer(publication(OnMissingChannel.ASSUME))));

    // then
    assertValidateFails();
  }

  @Test
  final void poison_a_producer_can_send_never_stops_a_reactor() {
    assertPoisonSettled(MessagePumpType.REACTOR, false);
  }

  @Test
  final void poison_a_producer_can_send_never_stops_a_proactor() {
    assertPoisonSettled(MessagePumpType.PROACTOR, false);
  }

  @Test
  @EnabledIf(value = "hasWireFormat", disabledReason = "the transport has no wire to corrupt")
  final void poison_a_raw_client_can_publish_never_stops_a_reactor() {
    assertPoisonSettled(MessagePumpType.REACTOR, true);
  }

  @Test
  @EnabledIf(value = "hasWireFormat", disabledReason = "the transport has no wire to corrupt")
  final void poison_a_raw_client_can_publish_never_stops_a_proactor() {
    assertPoisonSettled(MessagePumpType.PROACTOR, true);
  }

  /** Closes every producer and consumer the case opened and did not close, newest first. */
  @AfterEach
  final void closeWhatTheCaseOpened() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  /**
   * Runs a two-pump dispatcher of {@code pumpType} on the case's channel, publishes each poison
   * message (raw ones when {@code raw}) followed by a valid one, and checks every one is settled.
   */
  private void assertPoisonSettled(MessagePumpType pumpType, boolean raw) {
    // given
    MessageConsumer deadLetters =
        open(createDeadLetterConsumer(deadLetterRoutingKey, fresh("poison-dead-letters")));
    PoisonRun run =
        open(
            new PoisonRun(
                pumpType,
                topic,
                channelName,
                deadLetterRoutingKey,
                subscription ->
                    createConsumer(
                        subscription.routingKey(),
                        subscription.channelName(),
                        subscription.bufferSize(),
                        subscription.deadLetterRoutingKey(),
                        subscription.makeChannels()),
                deadLetters,
                () ->
                    createConsumer(
                        topic, channelName, 10, deadLetterRoutingKey, OnMissingChannel.CREATE),
                receiveTimeout()));
    MessageProducer producer = producer();
    List<Poison> poisons = new ArrayList<>();
    List<Id> valid = new ArrayList<>();

    // when: each poison message, then a valid one
    if (raw) {
      for (RawPoison poison : PoisonMessages.forRawClients()) {
        poisons.add(poison.poison());
        publishRaw(topic, poison.delivery());
        valid.add(sendValid(producer));
      }
    } else {
      for (MessagePoison poison : PoisonMessages.forProducers(topic)) {
        poisons.add(poison.poison());
        producer.send(poison.message());
        valid.add(sendValid(producer));
      }
    }

    // then
    run.assertSettled(poisons, valid);
  }

  private Id sendValid(MessageProducer producer) {
    Id id = Id.random();
    producer.send(PoisonMessages.valid(topic, id));
    return id;
  }

  private MessageConsumer consumer(int bufferSize) {
    return consumer(bufferSize, OnMissingChannel.CREATE);
  }

  private MessageConsumer consumer(int bufferSize, OnMissingChannel makeChannels) {
    return open(createConsumer(topic, channelName, bufferSize, deadLetterRoutingKey, makeChannels));
  }

  private MessageProducer producer() {
    return open(createProducer(publication(OnMissingChannel.CREATE)));
  }

  private Publication publication(OnMissingChannel makeChannels) {
    return Publication.builder().topic(topic).makeChannels(makeChannels).build();
  }

  /** Checks that a consumer and a producer made with {@code VALIDATE} fail on what is missing. */
  private void assertValidateFails() {
    assertThatThrownBy(() -> consumer(1, OnMissingChannel.VALIDATE).receive(receiveTimeout()))
        .as("consumer")
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> sendWith(OnMissingChannel.VALIDATE))
        .as("producer")
        .isInstanceOf(ConfigurationException.class);
  }

  /** Makes a producer of the case's topic with {@code makeChannels} and sends a message. */
  private Message sendWith(OnMissingChannel makeChannels) {
    Message message = plain(topic, 1);
    open(createProducer(publication(makeChannels))).send(message);
    return message;
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }

  private void close(MessageConsumer consumer) {
    opened.remove(consumer);
    consumer.close();
  }

  private void assertArrivesAfterTheDelay(MessageConsumer consumer, Message sent, long start) {
    assertThat(consumer.receive(DELAY.dividedBy(5))).as("arrived within the delay").isEmpty();
    Message again = receiveOne(consumer);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    consumer.acknowledge(again);
    assertThat(again.id()).isEqualTo(sent.id());
    assertThat(waited).isGreaterThanOrEqualTo(DELAY.minusMillis(TOLERANCE_MILLIS));
  }

  /** Receives until one message arrives and checks that no other came with it. */
  private Message receiveOne(MessageConsumer consumer) {
    List<Message> received = batches(consumer, 1).getFirst();
    assertThat(received).as("received at once").hasSize(1);
    return received.getFirst();
  }

  /** Receives until {@code count} messages have arrived, giving up after the patience. */
  private List<List<Message>> batches(MessageConsumer consumer, int count) {
    return batches(consumer, count, batch -> {});
  }

  /**
   * Receives until {@code count} messages have arrived, handing each batch to {@code settle} before
   * the next receive, giving up after the patience.
   */
  private List<List<Message>> batches(
      MessageConsumer consumer, int count, Consumer<List<Message>> settle) {
    List<List<Message>> batches = new ArrayList<>();
    await(count + " message(s) on " + channelName)
        .atMost(receiveTimeout().multipliedBy(10).plus(DELAY).plusSeconds(1))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .pollInSameThread()
        .until(
            () -> {
              List<Message> batch = consumer.receive(receiveTimeout());
              if (!batch.isEmpty()) {
                batches.add(batch);
                settle.accept(batch);
              }
              return batches.stream().mapToInt(List::size).sum() >= count;
            });
    return batches;
  }
}
