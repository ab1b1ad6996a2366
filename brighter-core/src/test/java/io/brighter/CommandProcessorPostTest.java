package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.fixtures.MovableClock;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryUnitOfWork;
import io.brighter.outbox.OutboxLimitReachedException;
import io.brighter.outbox.SweepSettings;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandProcessorPostTest {

  record GreetingAdded(Id id, String name) implements Event {}

  record AddGreeting(Id id, String name) implements Command {}

  record Unpublished(Id id) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");
  private static final RoutingKey COMMANDS = RoutingKey.of("greeting.add");

  /** Sweeps of anything outstanding, ten at a time, with the default lease and cool-down. */
  private static final SweepSettings SWEEP =
      SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO).withBatchSize(10);

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final InMemoryMessageConsumer greetings = new InMemoryMessageConsumer(bus, GREETINGS);

  private static Publication publication(RoutingKey topic, Class<? extends Request> type) {
    return Publication.builder().topic(topic).requestType(type).build();
  }

  private CommandProcessor processor(ExternalBusConfiguration.Builder externalBus) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(externalBus.outbox(outbox).clock(clock).build())
        .build();
  }

  private ExternalBusConfiguration.Builder inMemoryBus() {
    return ExternalBusConfiguration.builder()
        .producers(
            ProducerRegistry.of(
                List.of(
                    new InMemoryMessageProducer(bus, publication(GREETINGS, GreetingAdded.class)),
                    new InMemoryMessageProducer(bus, publication(COMMANDS, AddGreeting.class)))))
        .mappers(new MessageMapperRegistry());
  }

  private static int sweep(CommandProcessor processor, SweepSettings settings) {
    return processor.outboxOperations().sweep(settings);
  }

  private List<Message> received() {
    return greetings.receive(Duration.ZERO);
  }

  @Nested
  class Post {

    @Test
    void stores_the_message_in_the_outbox_and_sends_it() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");

      // when
      Id id = processor.post(event);

      // then
      assertThat(id).isEqualTo(event.id());
      assertThat(received())
          .singleElement()
          .satisfies(
              message -> {
                assertThat(message.id()).isEqualTo(event.id());
                assertThat(message.header().messageType()).isEqualTo(MessageType.EVENT);
                assertThat(message.body().text()).contains("\"name\":\"Ada\"");
              });
      assertThat(outbox.get(id).isEmpty()).isFalse();
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void commands_go_out_as_commands() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      InMemoryMessageConsumer commands = new InMemoryMessageConsumer(bus, COMMANDS);

      // when
      processor.post(new AddGreeting(Id.random(), "Ada"));

      // then
      assertThat(commands.receive(Duration.ZERO))
          .singleElement()
          .satisfies(m -> assertThat(m.header().messageType()).isEqualTo(MessageType.COMMAND));
    }

    @Test
    void fails_clearly_without_a_publication_for_the_request_type() {
      CommandProcessor processor = processor(inMemoryBus());

      assertThatThrownBy(() -> processor.post(new Unpublished(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Unpublished.class.getName());
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void fails_clearly_without_a_mapper_for_the_request_type() {
      CommandProcessor processor =
          processor(inMemoryBus().mappers(MessageMapperRegistry.withoutDefault()));

      assertThatThrownBy(() -> processor.post(new GreetingAdded(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(GreetingAdded.class.getName());
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void fails_clearly_without_an_external_bus() {
      CommandProcessor processor =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .build();

      assertThatThrownBy(() -> processor.post(new GreetingAdded(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("externalBus");
    }

    @Test
    void a_failed_send_leaves_the_message_outstanding_instead_of_losing_it() {
      // given
      FlakyProducer producer = new FlakyProducer(publication(GREETINGS, GreetingAdded.class), 1);
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder().producers(ProducerRegistry.of(List.of(producer))));

      // when
      Id id = processor.post(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(producer.sent()).isZero();
      assertThat(outbox.outstandingCount()).isEqualTo(1);
      processor.clearOutbox(List.of(id));
      assertThat(producer.sent()).isEqualTo(1);
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void a_later_message_of_a_key_waits_in_the_outbox_behind_an_earlier_one_that_failed() {
      // given: every greeting has the partition key "ada", and the first send fails
      Publication publication = publication(GREETINGS, GreetingAdded.class);
      InMemoryMessageProducer onTheBus = new InMemoryMessageProducer(bus, publication);
      AtomicInteger failuresLeft = new AtomicInteger(1);
      MessageProducer failingFirst =
          new MessageProducer() {
            @Override
            public Publication publication() {
              return publication;
            }

            @Override
            public void send(Message message) {
              if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("broker unavailable");
              }
              onTheBus.send(message);
            }

            @Override
            public void sendWithDelay(Message message, Duration delay) {
              send(message);
            }
          };
      JsonMessageMapper<GreetingAdded> json = new JsonMessageMapper<>(GreetingAdded.class);
      MessageMapper<GreetingAdded> keyed =
          new MessageMapper<>() {
            @Override
            public Message mapToMessage(GreetingAdded request, Publication publication) {
              Message message = json.mapToMessage(request, publication);
              return message.withHeader(message.header().toBuilder().partitionKey("ada").build());
            }

            @Override
            public GreetingAdded mapToRequest(Message message) {
              return json.mapToRequest(message);
            }
          };
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder()
                  .producers(ProducerRegistry.of(List.of(failingFirst)))
                  .mappers(new MessageMapperRegistry().register(GreetingAdded.class, keyed)));

      // when
      Id first = processor.post(new GreetingAdded(Id.random(), "Ada"));
      Id second = processor.post(new GreetingAdded(Id.random(), "Ada again"));
      List<Message> beforeAnySweep = List.copyOf(bus.stream(GREETINGS));
      for (int sweeps = 0; sweeps < 5 && outbox.outstandingCount() > 0; sweeps++) {
        sweep(processor, SWEEP.withTopicCooldownSweeps(1));
      }

      // then
      assertThat(beforeAnySweep).as("the later message held back").isEmpty();
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(first, second);
    }

    @Test
    void sends_through_the_producer_retry_policy() {
      // given
      FlakyProducer producer = new FlakyProducer(publication(GREETINGS, GreetingAdded.class), 2);
      ResiliencePipelineRegistry resilience =
          new ResiliencePipelineRegistry()
              .register(
                  "producer",
                  Retry.of(
                      "producer",
                      RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ZERO).build()));
      CommandProcessor processor =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .resilience(resilience)
              .externalBus(
                  ExternalBusConfiguration.builder()
                      .producers(ProducerRegistry.of(List.of(producer)))
                      .producerRetryPolicy("producer")
                      .outbox(outbox)
                      .build())
              .build();

      // when
      processor.post(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(producer.attempts()).isEqualTo(3);
      assertThat(producer.sent()).isEqualTo(1);
      assertThat(outbox.outstandingCount()).isZero();
    }
  }

  @Nested
  class DepositAndClear {

    @Test
    void a_deposit_is_stored_but_not_sent_until_cleared() {
      // given
      CommandProcessor processor = processor(inMemoryBus());

      // when
      Id id = processor.depositPost(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(received()).isEmpty();
      assertThat(outbox.outstandingCount()).isEqualTo(1);
      processor.clearOutbox(List.of(id));
      assertThat(received()).extracting(Message::id).containsExactly(id);
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void a_bulk_deposit_stores_every_message_and_clears_them_together() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      List<GreetingAdded> events =
          List.of(
              new GreetingAdded(Id.random(), "Ada"),
              new GreetingAdded(Id.random(), "Grace"),
              new GreetingAdded(Id.random(), "Linus"));

      // when
      List<Id> ids = processor.depositPost(events);
      processor.clearOutbox(ids);

      // then
      assertThat(ids).containsExactlyElementsOf(events.stream().map(GreetingAdded::id).toList());
      assertThat(greetings.receive(Duration.ZERO)).hasSize(1);
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactlyElementsOf(ids);
    }

    @Test
    void a_deposit_inside_a_transaction_is_stored_on_commit() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();

      // when
      Id id = processor.depositPost(new GreetingAdded(Id.random(), "Ada"), unitOfWork);

      // then
      assertThat(outbox.get(id).isEmpty()).isTrue();
      unitOfWork.commit();
      assertThat(outbox.get(id).isEmpty()).isFalse();
    }

    @Test
    void a_deposit_inside_a_rolled_back_transaction_is_never_stored() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();

      // when
      Id id = processor.depositPost(new GreetingAdded(Id.random(), "Ada"), unitOfWork);
      unitOfWork.rollback();

      // then
      assertThat(outbox.get(id).isEmpty()).isTrue();
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void clear_outbox_sends_a_committed_deposit_and_nothing_of_a_rolled_back_one() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      InMemoryUnitOfWork committed = new InMemoryUnitOfWork();
      InMemoryUnitOfWork rolledBack = new InMemoryUnitOfWork();
      List<Id> kept =
          processor.depositPost(List.of(new GreetingAdded(Id.random(), "Ada")), committed);
      List<Id> dropped =
          processor.depositPost(List.of(new GreetingAdded(Id.random(), "Grace")), rolledBack);

      // when
      processor.clearOutbox(dropped);
      processor.clearOutbox(kept);
      List<Message> beforeTheCommit = received();
      committed.commit();
      rolledBack.rollback();
      processor.clearOutbox(dropped);
      processor.clearOutbox(kept);

      // then
      assertThat(beforeTheCommit).isEmpty();
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactlyElementsOf(kept);
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void deposits_past_the_outstanding_limit_are_refused() {
      // given
      CommandProcessor processor = processor(inMemoryBus().maxOutstandingMessages(2));
      processor.depositPost(new GreetingAdded(Id.random(), "Ada"));
      processor.depositPost(new GreetingAdded(Id.random(), "Grace"));

      // when / then
      assertThatThrownBy(() -> processor.depositPost(new GreetingAdded(Id.random(), "Linus")))
          .isInstanceOfSatisfying(
              OutboxLimitReachedException.class,
              e -> {
                assertThat(e.outstanding()).isEqualTo(2);
                assertThat(e.limit()).isEqualTo(2);
              });
      assertThat(outbox.outstandingCount()).isEqualTo(2);
    }

    @Test
    void async_variants_deposit_and_clear() {
      // given
      CommandProcessor processor = processor(inMemoryBus());

      // when
      Id id = processor.depositPostAsync(new GreetingAdded(Id.random(), "Ada")).join();
      processor.clearOutboxAsync(List.of(id)).join();
      Id posted = processor.postAsync(new GreetingAdded(Id.random(), "Grace")).join();

      // then
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(id, posted);
    }
  }

  @Nested
  class Routing {

    record GreetingRemoved(Id id, String name) implements Event {}

    record Reply(Id id, String replyTo) implements Command {}

    /** Addresses each reply to the topic its request asked for. */
    static final class ReplyMapper implements MessageMapper<Reply> {
      private final JsonMessageMapper<Reply> json = new JsonMessageMapper<>(Reply.class);

      @Override
      public Message mapToMessage(Reply reply, Publication publication) {
        Message message = json.mapToMessage(reply, publication);
        return message.withHeader(message.header().withTopic(RoutingKey.of(reply.replyTo())));
      }

      @Override
      public Reply mapToRequest(Message message) {
        return json.mapToRequest(message);
      }
    }

    @Test
    void several_message_types_share_a_topic_told_apart_by_cloud_events_type() {
      // given
      Publication added =
          Publication.builder()
              .topic(GREETINGS)
              .requestType(GreetingAdded.class)
              .type("greeting.added.v1")
              .build();
      Publication removed =
          Publication.builder()
              .topic(GREETINGS)
              .requestType(GreetingRemoved.class)
              .type("greeting.removed.v1")
              .build();
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              new InMemoryMessageProducer(bus, added),
                              new InMemoryMessageProducer(bus, removed)))));

      // when
      processor.post(new GreetingAdded(Id.random(), "Ada"));
      processor.post(new GreetingRemoved(Id.random(), "Ada"));

      // then
      assertThat(bus.stream(GREETINGS))
          .extracting(m -> m.header().type())
          .containsExactly("greeting.added.v1", "greeting.removed.v1");
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void a_reply_goes_to_the_address_its_mapper_chose_through_its_publications_producer() {
      // given
      RoutingKey replies = RoutingKey.of("replies");
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              new InMemoryMessageProducer(bus, publication(replies, Reply.class)))))
                  .mappers(new MessageMapperRegistry().register(Reply.class, new ReplyMapper())));
      RoutingKey caller = RoutingKey.of("reply.caller-42");

      // when
      Id id = processor.post(new Reply(Id.random(), caller.value()));

      // then
      assertThat(bus.stream(caller))
          .singleElement()
          .satisfies(m -> assertThat(m.id()).isEqualTo(id));
      assertThat(bus.stream(replies)).isEmpty();
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void a_confirming_producer_marks_messages_dispatched_when_the_broker_confirms() {
      // given
      ConfirmingProducer producer =
          new ConfirmingProducer(publication(GREETINGS, GreetingAdded.class));
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder().producers(ProducerRegistry.of(List.of(producer))));

      // when
      Id id = processor.post(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(outbox.outstandingCount()).isEqualTo(1);
      producer.confirm(new PublishConfirmation(id, false, new IllegalStateException("nack")));
      assertThat(outbox.outstandingCount()).isEqualTo(1);
      producer.confirm(new PublishConfirmation(id, true, null));
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(outbox.outstandingCount()).isZero());
    }
  }

  @Nested
  class BatchedConfirmations {

    @Test
    void one_batch_of_confirmations_marks_its_delivered_messages_and_keeps_the_refused() {
      // given
      BatchConfirmingProducer producer =
          new BatchConfirmingProducer(publication(GREETINGS, GreetingAdded.class));
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder().producers(ProducerRegistry.of(List.of(producer))));
      Id first = processor.post(new GreetingAdded(Id.random(), "Ada"));
      Id second = processor.post(new GreetingAdded(Id.random(), "Grace"));
      Id refused = processor.post(new GreetingAdded(Id.random(), "Edsger"));

      // when
      producer.confirm(
          List.of(
              new PublishConfirmation(first, true, null),
              new PublishConfirmation(refused, false, new IllegalStateException("nack")),
              new PublishConfirmation(second, true, null)));

      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(outbox.outstandingMessages(Duration.ZERO, 10))
                      .extracting(Message::id)
                      .containsExactly(refused));
    }
  }

  /** Reports deliveries in batches, as a broker confirming many messages at once does. */
  static final class BatchConfirmingProducer implements MessageProducer {
    private final Publication publication;
    private Consumer<List<PublishConfirmation>> listener = confirmations -> {};

    BatchConfirmingProducer(Publication publication) {
      this.publication = publication;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {}

    @Override
    public void sendWithDelay(Message message, Duration delay) {}

    @Override
    public boolean confirmsPublication() {
      return true;
    }

    @Override
    public void onConfirmations(Consumer<List<PublishConfirmation>> confirmations) {
      this.listener = confirmations;
    }

    void confirm(List<PublishConfirmation> confirmations) {
      listener.accept(confirmations);
    }
  }

  /** Accepts every send and reports delivery only when the test says so. */
  static final class ConfirmingProducer implements MessageProducer {
    private final Publication publication;
    private Consumer<PublishConfirmation> listener = confirmation -> {};

    ConfirmingProducer(Publication publication) {
      this.publication = publication;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {}

    @Override
    public void sendWithDelay(Message message, Duration delay) {}

    @Override
    public boolean confirmsPublication() {
      return true;
    }

    @Override
    public void onConfirmation(Consumer<PublishConfirmation> confirmations) {
      this.listener = confirmations;
    }

    void confirm(PublishConfirmation confirmation) {
      listener.accept(confirmation);
    }
  }

  @Nested
  class Sweeps {

    @Test
    void sends_only_messages_older_than_the_minimum_age_oldest_first() {
      // given
      CommandProcessor processor = processor(inMemoryBus());
      Id first = processor.depositPost(new GreetingAdded(Id.random(), "Ada"));
      clock.advance(Duration.ofSeconds(1));
      Id second = processor.depositPost(new GreetingAdded(Id.random(), "Grace"));
      clock.advance(Duration.ofSeconds(4));

      // when
      int sent = sweep(processor, SWEEP.withMinimumAge(Duration.ofSeconds(5)));

      // then
      assertThat(sent).isEqualTo(1);
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(first);
      clock.advance(Duration.ofSeconds(1));
      assertThat(sweep(processor, SWEEP.withMinimumAge(Duration.ofSeconds(5)))).isEqualTo(1);
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(first, second);
    }

    @Test
    void skips_a_failing_topic_for_the_cooldown_while_other_topics_flow() {
      // given
      FlakyProducer failing = new FlakyProducer(publication(COMMANDS, AddGreeting.class), 1);
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              failing,
                              new InMemoryMessageProducer(
                                  bus, publication(GREETINGS, GreetingAdded.class))))));
      SweepSettings briefCooldown =
          SWEEP.withTopicCooldownSweeps(2).withLease(Duration.ofSeconds(1));
      processor.depositPost(new AddGreeting(Id.random(), "Ada"));
      processor.depositPost(new AddGreeting(Id.random(), "Grace"));

      // when: the first sweep trips the command topic on its first failure
      sweep(processor, briefCooldown);
      processor.depositPost(new GreetingAdded(Id.random(), "Linus"));
      clock.advance(Duration.ofSeconds(2));
      int duringCooldown = sweep(processor, briefCooldown);

      // then
      assertThat(duringCooldown).isEqualTo(1);
      assertThat(failing.attempts()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(2));
      assertThat(sweep(processor, briefCooldown)).as("the second sweep of the cool-down").isZero();
      assertThat(sweep(processor, briefCooldown)).isEqualTo(2);
      assertThat(failing.sent()).isEqualTo(2);
    }
  }

  @Nested
  class ClaimsOfFailedSends { // #12: a failed or skipped send gives its claim back

    private CommandProcessor withFailing(MessageProducer failing) {
      return processor(
          ExternalBusConfiguration.builder()
              .producers(
                  ProducerRegistry.of(
                      List.of(
                          failing,
                          new InMemoryMessageProducer(
                              bus, publication(GREETINGS, GreetingAdded.class))))));
    }

    @Test
    void a_message_whose_send_failed_goes_again_once_its_topic_cooled_down_not_after_the_lease() {
      // given
      FlakyProducer flaky = new FlakyProducer(publication(COMMANDS, AddGreeting.class), 1);
      CommandProcessor processor = withFailing(flaky);
      Id id = processor.depositPost(new AddGreeting(Id.random(), "Ada"));

      // when
      List<Integer> sweeps = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        sweeps.add(sweep(processor, SWEEP));
      }

      // then: three sweeps of cool-down; no clock moved, so the 30 s lease never ran out
      assertThat(sweeps).containsExactly(0, 0, 0, 0, 1);
      assertThat(flaky.sent()).isOne();
      assertThat(outbox.get(id).isEmpty()).isFalse();
      assertThat(outbox.outstandingMessages(Duration.ZERO, 10)).isEmpty();
    }

    @Test
    void a_failing_topics_backlog_does_not_hold_up_a_healthy_topic() {
      // given
      FlakyProducer down =
          new FlakyProducer(publication(COMMANDS, AddGreeting.class), Integer.MAX_VALUE);
      CommandProcessor processor = withFailing(down);
      for (int i = 0; i < 3_000; i++) {
        processor.depositPost(new AddGreeting(Id.random(), "backlog " + i));
      }
      clock.advance(Duration.ofMillis(1));
      List<Id> healthy = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        healthy.add(processor.depositPost(new GreetingAdded(Id.random(), "new " + i)));
      }

      // when
      sweep(processor, SWEEP.withBatchSize(100));
      sweep(processor, SWEEP.withBatchSize(100));

      // then
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactlyElementsOf(healthy);
      assertThat(down.attempts()).isOne();
    }

    @Test // #12: a killed relay left up to 1,476 confirmed-but-unmarked messages to send again
    void a_sweep_returns_only_once_what_it_sent_is_marked_dispatched() {
      // given
      AnsweringProducer answering =
          new AnsweringProducer(publication(COMMANDS, AddGreeting.class), true);
      CommandProcessor processor = withFailing(answering);
      for (int i = 0; i < 50; i++) {
        processor.depositPost(new AddGreeting(Id.random(), "guest " + i));
      }

      // when
      int sent = sweep(processor, SWEEP.withBatchSize(100));

      // then: nothing the sweep sent is left to be sent again, without waiting
      assertThat(sent).isEqualTo(50);
      assertThat(outbox.outstandingCount()).isZero();
    }

    @Test
    void a_message_the_broker_refused_goes_again_once_its_topic_cooled_down() {
      // given
      AnsweringProducer answering =
          new AnsweringProducer(publication(COMMANDS, AddGreeting.class), false);
      CommandProcessor processor = withFailing(answering);
      processor.depositPost(new AddGreeting(Id.random(), "Ada"));

      // when
      int refused = sweep(processor, SWEEP);
      answering.delivers = true;
      List<Integer> cooling =
          List.of(sweep(processor, SWEEP), sweep(processor, SWEEP), sweep(processor, SWEEP));
      int again = sweep(processor, SWEEP);

      // then: each sweep returned only once the broker's word was recorded
      assertThat(refused).isOne();
      assertThat(cooling).containsExactly(0, 0, 0);
      assertThat(again).isOne();
      assertThat(outbox.outstandingCount()).isZero();
    }
  }

  /**
   * Confirms each message on another thread just after it was sent, delivered or refused as the
   * test says, as a broker's confirm or delivery report does.
   */
  static final class AnsweringProducer implements MessageProducer {
    private final Publication publication;
    volatile boolean delivers;
    private Consumer<List<PublishConfirmation>> listener = confirmations -> {};

    AnsweringProducer(Publication publication, boolean delivers) {
      this.publication = publication;
      this.delivers = delivers;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      boolean delivered = delivers;
      Thread.ofVirtual()
          .start(
              () ->
                  listener.accept(
                      List.of(
                          new PublishConfirmation(
                              message.id(),
                              delivered,
                              delivered ? null : new IllegalStateException("returned")))));
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      send(message);
    }

    @Override
    public boolean confirmsPublication() {
      return true;
    }

    @Override
    public void onConfirmations(Consumer<List<PublishConfirmation>> confirmations) {
      this.listener = confirmations;
    }
  }

  @Nested
  class SweepStoppedByConfiguration {

    @Test
    void messages_sent_before_a_configuration_error_are_still_marked_dispatched() {
      // given: the second message cannot be sent as configured
      InMemoryMessageProducer greetingsProducer =
          new InMemoryMessageProducer(bus, publication(GREETINGS, GreetingAdded.class));
      Publication commands = publication(COMMANDS, AddGreeting.class);
      MessageProducer misconfigured =
          new MessageProducer() {
            @Override
            public Publication publication() {
              return commands;
            }

            @Override
            public void send(Message message) {
              throw new ConfigurationException("no exchange for " + message.header().topic());
            }

            @Override
            public void sendWithDelay(Message message, Duration delay) {
              send(message);
            }
          };
      CommandProcessor processor =
          processor(
              ExternalBusConfiguration.builder()
                  .producers(ProducerRegistry.of(List.of(greetingsProducer, misconfigured))));
      Id sent = processor.depositPost(new GreetingAdded(Id.random(), "Ada"));
      clock.advance(Duration.ofMillis(1));
      Id stuck = processor.depositPost(new AddGreeting(Id.random(), "Grace"));

      // when
      assertThatThrownBy(() -> sweep(processor, SWEEP)).isInstanceOf(ConfigurationException.class);

      // then
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(sent);
      assertThat(outbox.outstandingMessages(Duration.ZERO, 10))
          .extracting(Message::id)
          .containsExactly(stuck);
    }
  }

  /** Fails its first {@code failures} sends, then counts successful ones. */
  static final class FlakyProducer implements MessageProducer {
    private final Publication publication;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();

    FlakyProducer(Publication publication, int failures) {
      this.publication = publication;
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      attempts.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("broker unavailable");
      }
      sent.incrementAndGet();
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      send(message);
    }

    int attempts() {
      return attempts.get();
    }

    int sent() {
      return sent.get();
    }
  }
}
