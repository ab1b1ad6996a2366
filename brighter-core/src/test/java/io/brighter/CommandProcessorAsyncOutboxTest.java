package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The asynchronous external-bus methods go through a non-blocking outbox's asynchronous side. */
class CommandProcessorAsyncOutboxTest {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");

  private final InMemoryBus bus = new InMemoryBus();
  private final DeferredStore outbox = new DeferredStore();
  private final CommandProcessor processor = processor();

  private CommandProcessor processor() {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(
                    ProducerRegistry.of(
                        List.of(
                            new InMemoryMessageProducer(
                                bus,
                                Publication.builder()
                                    .topic(GREETINGS)
                                    .requestType(GreetingAdded.class)
                                    .build()))))
                .outbox(outbox)
                .maxOutstandingMessages(10)
                .build())
        .build();
  }

  @Test
  void a_deposit_completes_when_the_store_answers_and_never_blocks_on_it() {
    // when
    CompletableFuture<Id> deposited =
        processor.depositPostAsync(new GreetingAdded(Id.random(), "Ada"));

    // then
    assertThat(deposited).isNotDone();
    outbox.answer();
    Id id = deposited.join();
    assertThat(outbox.get(id).id()).isEqualTo(id);
  }

  @Test
  void a_post_sends_once_the_store_has_the_message() {
    // when
    CompletableFuture<Id> posted = processor.postAsync(new GreetingAdded(Id.random(), "Grace"));

    // then
    assertThat(bus.stream(GREETINGS)).isEmpty();
    outbox.answer();
    Id id = posted.join();
    assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(id);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(outbox.outstandingCount()).isZero());
  }

  @Test
  void a_clear_reads_the_messages_through_the_asynchronous_side() {
    // given: deposited by another processor, so this one reads it from the outbox
    CompletableFuture<Id> deposited =
        processor().depositPostAsync(new GreetingAdded(Id.random(), "Linus"));
    outbox.answer();
    Id id = deposited.join();

    // when
    CompletableFuture<Void> cleared = processor.clearOutboxAsync(List.of(id));

    // then
    assertThat(cleared).isNotDone();
    outbox.answer();
    cleared.join();
    assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(id);
  }

  /**
   * An outbox whose store answers only when the test says so, and whose blocking writes and reads
   * fail: the asynchronous paths must not use them.
   */
  static final class DeferredStore implements Outbox, OutboxAsync {

    private final InMemoryOutbox store = new InMemoryOutbox();
    private CompletableFuture<Void> answered = new CompletableFuture<>();

    /** Lets every store call made so far, and the next one, complete. */
    synchronized void answer() {
      answered.complete(null);
      answered = new CompletableFuture<>();
    }

    private synchronized CompletableFuture<Void> nextAnswer() {
      return answered;
    }

    @Override
    public CompletableFuture<Void> addAsync(
        Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
      return addAsync(List.of(message), context, transaction);
    }

    @Override
    public CompletableFuture<Void> addAsync(
        List<Message> messages,
        RequestContext context,
        @Nullable BoxTransactionProvider<?> transaction) {
      return nextAnswer().thenRun(() -> store.add(messages, context, transaction));
    }

    @Override
    public CompletableFuture<Message> getAsync(Id id) {
      return nextAnswer().thenApply(answered -> store.get(id));
    }

    @Override
    public CompletableFuture<List<Message>> getAsync(List<Id> ids) {
      return nextAnswer().thenApply(answered -> store.get(ids));
    }

    @Override
    public CompletableFuture<Void> markDispatchedAsync(Id id, Instant dispatchedAt) {
      return CompletableFuture.runAsync(() -> store.markDispatched(id, dispatchedAt));
    }

    @Override
    public CompletableFuture<List<Message>> outstandingMessagesAsync(
        Duration minimumAge, int pageSize) {
      return CompletableFuture.completedFuture(store.outstandingMessages(minimumAge, pageSize));
    }

    @Override
    public CompletableFuture<List<Message>> dispatchedMessagesAsync(Duration age, int pageSize) {
      return CompletableFuture.completedFuture(store.dispatchedMessages(age, pageSize));
    }

    @Override
    public CompletableFuture<Void> deleteAsync(List<Id> ids) {
      return CompletableFuture.runAsync(() -> store.delete(ids));
    }

    @Override
    public CompletableFuture<Long> outstandingCountAsync() {
      return CompletableFuture.completedFuture(store.outstandingCount());
    }

    @Override
    public void add(
        List<Message> messages,
        RequestContext context,
        @Nullable BoxTransactionProvider<?> transaction) {
      throw new AssertionError("an asynchronous deposit stored through the blocking side");
    }

    @Override
    public List<Message> get(List<Id> ids) {
      return store.get(ids);
    }

    @Override
    public void markDispatched(Id id, Instant dispatchedAt) {
      store.markDispatched(id, dispatchedAt);
    }

    @Override
    public void markDispatched(List<Id> ids, Instant dispatchedAt) {
      store.markDispatched(ids, dispatchedAt);
    }

    @Override
    public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
      return store.outstandingMessages(minimumAge, pageSize);
    }

    @Override
    public List<Message> dispatchedMessages(Duration age, int pageSize) {
      return store.dispatchedMessages(age, pageSize);
    }

    @Override
    public void delete(List<Id> ids) {
      store.delete(ids);
    }

    @Override
    public long outstandingCount() {
      return store.outstandingCount();
    }
  }
}
