package io.brighter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryDeadLetterQueue;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.archive.InMemoryArchiveProvider;
import io.brighter.outbox.archive.OutboxArchiver;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operations API over a service on the in-memory bus: subscriptions with their counts, steered;
 * the outbox's backlog per topic, sent again on demand; dead letters listed, shown, re-driven to a
 * handler that now takes them, and purged.
 */
class BrighterOperationsTest {

  record Greeted(Id id, String name) implements Event {}

  static final List<String> HANDLED = new CopyOnWriteArrayList<>();
  static final AtomicBoolean REFUSE_POISON = new AtomicBoolean(true);

  static final class GreetedHandler extends RequestHandler<Greeted> {
    @Override
    public Greeted handle(Greeted event) {
      if (event.name().startsWith("poison") && REFUSE_POISON.get()) {
        throw new IllegalArgumentException("cannot greet " + event.name());
      }
      HANDLED.add(event.name());
      return super.handle(event);
    }
  }

  private static final RoutingKey GREETED = RoutingKey.of("greeted");
  private static final RoutingKey DEAD = InMemoryMessageConsumer.deadLetterFor(GREETED);

  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final MessageCounters counters = new MessageCounters();
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(
              new SubscriberRegistry().register(Greeted.class, GreetedHandler.class),
              new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              new InMemoryMessageProducer(
                                  bus,
                                  Publication.builder()
                                      .topic(GREETED)
                                      .requestType(Greeted.class)
                                      .build()))))
                  .outbox(outbox)
                  .build())
          .metrics(counters.counting(MessagingMetrics.NONE))
          .build();
  private final Dispatcher dispatcher =
      new DispatcherBuilder()
          .commandProcessor(processor)
          .mappers(new MessageMapperRegistry())
          .metrics(counters.counting(MessagingMetrics.NONE))
          .subscriptions(
              List.of(
                  Subscription.builder()
                      .name("greetings")
                      .routingKey(GREETED)
                      .requestType(Greeted.class)
                      .timeout(Duration.ofMillis(20))
                      .channelFactory(new InMemoryChannelFactory(bus))
                      .build()))
          .build();
  private final BrighterOperations operations =
      BrighterOperations.builder()
          .dispatcher(dispatcher)
          .counters(counters)
          .outbox(outbox, processor)
          .maxBodyChars(20)
          .build();

  @AfterEach
  void stop() {
    dispatcher.stop();
    HANDLED.clear();
    REFUSE_POISON.set(true);
  }

  @Test
  void subscriptions_report_their_pumps_and_counts_and_can_be_shut_and_opened() {
    dispatcher.start();
    processor.post(new Greeted(Id.random(), "Ada"));
    processor.post(new Greeted(Id.random(), "poison-1"));

    await().until(() -> operations.subscriptions().getFirst().rejected() == 1);
    SubscriptionReport report = operations.subscriptions().getFirst();
    assertThat(report.name()).isEqualTo("greetings");
    assertThat(report.routingKey()).isEqualTo("greeted");
    assertThat(report.requestType()).isEqualTo(Greeted.class.getName());
    assertThat(report.performers()).isEqualTo(1);
    assertThat(report.running()).isEqualTo(1);
    assertThat(report.handled()).isEqualTo(1);
    assertThat(report.problems()).isEmpty();

    operations.shut("greetings");
    await().until(() -> operations.subscriptions().getFirst().running() == 0);
    operations.setPerformers("greetings", 2);
    await().until(() -> operations.subscriptions().getFirst().running() == 2);
    assertThat(operations.subscriptions().getFirst().performers()).isEqualTo(2);
  }

  @Test
  void the_outbox_reports_its_backlog_per_topic_and_sends_it_again_on_demand() {
    dispatcher.start();
    Id first = processor.depositPost(new Greeted(Id.random(), "Grace"));
    Id second = processor.depositPost(new Greeted(Id.random(), "Alan"));

    OutboxReport report = operations.outbox();
    assertThat(report.outstanding()).isEqualTo(2);
    assertThat(report.complete()).isTrue();
    assertThat(report.topics())
        .singleElement()
        .satisfies(
            topic -> {
              assertThat(topic.topic()).isEqualTo("greeted");
              assertThat(topic.outstanding()).isEqualTo(2);
              assertThat(topic.oldestAge()).isGreaterThanOrEqualTo(Duration.ZERO);
            });
    assertThat(operations.outstanding(10))
        .extracting(MessageSummary::id)
        .containsExactly(first.value(), second.value());
    assertThat(operations.outboxMessage(first))
        .hasValueSatisfying(
            detail -> assertThat(detail.headers()).containsEntry("topic", "greeted"));

    operations.resend(List.of(first, second));

    await().until(() -> HANDLED.containsAll(List.of("Grace", "Alan")));
    assertThat(operations.outbox().outstanding()).isZero();
    assertThat(operations.outbox().sentSinceStart()).isEqualTo(2);
  }

  @Test
  void the_outbox_report_counts_what_the_archiver_archived() {
    OutboxArchiver archiver =
        OutboxArchiver.builder()
            .outbox(outbox)
            .archiveProvider(new InMemoryArchiveProvider())
            .dispatchedAge(Duration.ZERO)
            .build();
    BrighterOperations withArchiver =
        BrighterOperations.builder().outbox(outbox, processor).archiver(archiver).build();
    processor.post(new Greeted(Id.random(), "Grace"));
    processor.post(new Greeted(Id.random(), "Alan"));

    archiver.archive();

    assertThat(withArchiver.outbox().archivedSinceStart()).isEqualTo(2);
  }

  @Test
  void dead_letters_are_listed_shown_redriven_and_purged() {
    dispatcher.start();
    processor.post(new Greeted(Id.random(), "poison-1"));
    processor.post(new Greeted(Id.random(), "poison-2-with-a-long-name"));
    processor.post(new Greeted(Id.random(), "poison-3"));
    String queue = DEAD.value();
    await().until(() -> operations.deadLetters(queue, 10).size() == 3);

    assertThat(operations.deadLetterQueues()).containsExactly(queue);
    List<MessageSummary> letters = operations.deadLetters(queue, 10);
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(letter.topic()).isEqualTo("greeted");
              assertThat(letter.reason()).contains("cannot greet poison");
              assertThat(letter.timestamp()).isNotNull();
            });
    MessageDetail shown = operations.deadLetter(queue, Id.of(letters.get(1).id())).orElseThrow();
    assertThat(shown.bodyTruncated()).isTrue();
    assertThat(shown.body()).hasSize(20);
    assertThat(shown.headers()).containsKey("RejectionReason");

    REFUSE_POISON.set(false);
    assertThat(operations.redrive(queue, List.of(Id.of(letters.get(0).id())))).isEqualTo(1);
    await().until(() -> HANDLED.contains("poison-1"));
    assertThat(operations.redrive(queue, new DeadLetterFilter("greeted", "POISON-2"))).isEqualTo(1);
    await().until(() -> HANDLED.contains("poison-2-with-a-long-name"));
    assertThat(operations.deadLetters(queue, 10)).hasSize(1);

    assertThat(operations.purge(queue)).isEqualTo(1);
    assertThat(operations.deadLetters(queue, 10)).isEmpty();
  }

  @Test
  void dead_letter_queues_come_from_the_subscriptions_and_can_be_named_over() {
    assertThat(operations.deadLetterQueues()).containsExactly(DEAD.value());

    BrighterOperations named =
        BrighterOperations.builder()
            .dispatcher(dispatcher)
            .deadLetterQueue(new InMemoryDeadLetterQueue(bus, DEAD))
            .deadLetterQueue(new InMemoryDeadLetterQueue(bus, RoutingKey.of("other.dlq")))
            .build();
    assertThat(named.deadLetterQueues()).containsExactly("greeted.dlq", "other.dlq");
    assertThatThrownBy(
            () ->
                BrighterOperations.builder()
                    .deadLetterQueue(new InMemoryDeadLetterQueue(bus, DEAD))
                    .deadLetterQueue(new InMemoryDeadLetterQueue(bus, DEAD)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Two dead-letter queues are named greeted.dlq");
  }

  @Test
  void a_part_the_service_did_not_give_is_a_clear_error() {
    BrighterOperations bare = BrighterOperations.builder().build();

    assertThat(bare.subscriptions()).isEmpty();
    assertThatThrownBy(bare::outbox)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no outbox");
    assertThatThrownBy(() -> bare.deadLetters("greeted.dlq", 10))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No dead-letter queue named greeted.dlq");
  }
}
