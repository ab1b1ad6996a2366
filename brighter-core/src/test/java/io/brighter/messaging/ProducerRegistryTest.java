package io.brighter.messaging;

import static io.brighter.messaging.TestMessages.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProducerRegistryTest {

  record GreetingAdded(Id id) implements Event {}

  record GreetingRemoved(Id id) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greetings");
  private static final RoutingKey FAREWELLS = RoutingKey.of("farewells");

  /** A blocking producer that records what it sent and whether it was closed. */
  static class RecordingProducer implements MessageProducer {
    final Publication publication;
    final List<Message> sent = new ArrayList<>();
    final List<String> sendingThreads = new ArrayList<>();
    int closed;

    RecordingProducer(Publication publication) {
      this.publication = publication;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      sent.add(message);
      sendingThreads.add(Thread.currentThread().getName());
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      send(message);
    }

    @Override
    public void close() {
      closed++;
    }
  }

  /** A producer that is both blocking and non-blocking. */
  static final class RecordingBothProducer extends RecordingProducer
      implements MessageProducerAsync {
    RecordingBothProducer(Publication publication) {
      super(publication);
    }

    @Override
    public CompletableFuture<Void> sendAsync(Message message) {
      send(message);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
      return sendAsync(message);
    }

    @Override
    public void close() {
      super.close();
    }
  }

  private static Publication publication(RoutingKey topic, String type) {
    return Publication.builder().topic(topic).type(type).build();
  }

  private static Publication publication(RoutingKey topic, Class<? extends Event> requestType) {
    return Publication.builder().topic(topic).requestType(requestType).build();
  }

  @Nested
  class Lookup {

    @Test
    void finds_the_producer_of_a_topic() {
      // given
      var greetings = new RecordingProducer(TestMessages.publication(GREETINGS));
      var farewells = new RecordingProducer(TestMessages.publication(FAREWELLS));
      var registry = ProducerRegistry.of(List.of(greetings, farewells));

      // when
      MessageProducer found = registry.lookup(GREETINGS);

      // then
      assertThat(found).isSameAs(greetings);
      assertThat(registry.find(FAREWELLS)).containsSame(farewells);
      assertThat(registry.find(RoutingKey.of("unknown"))).isEmpty();
    }

    @Test
    void tells_publications_sharing_a_topic_apart_by_cloud_events_type() {
      // given
      var added = new RecordingProducer(publication(GREETINGS, "greeting.added"));
      var removed = new RecordingProducer(publication(GREETINGS, "greeting.removed"));
      var registry = ProducerRegistry.of(List.of(added, removed));

      // when
      MessageProducer found = registry.lookup(GREETINGS, "greeting.removed");

      // then
      assertThat(found).isSameAs(removed);
      assertThat(registry.find(GREETINGS, "greeting.changed")).isEmpty();
    }

    @Test
    void refuses_a_topic_alone_when_several_publications_share_it() {
      // given
      var registry =
          ProducerRegistry.of(
              List.of(
                  new RecordingProducer(publication(GREETINGS, "greeting.added")),
                  new RecordingProducer(publication(GREETINGS, "greeting.removed"))));

      // when / then
      assertThatThrownBy(() -> registry.lookup(GREETINGS))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Topic 'greetings' has 2 publications")
          .hasMessageContaining("[greeting.added, greeting.removed]")
          .hasMessageContaining("look the producer up by topic and CloudEvents type");
    }

    @Test
    void names_a_missing_topic() {
      // given
      var registry = ProducerRegistry.of(List.of());

      // when / then
      assertThatThrownBy(() -> registry.lookup(GREETINGS))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage(
              "No blocking producer is registered for greetings: add one to the ProducerRegistry");
      assertThatThrownBy(() -> registry.lookup(GREETINGS, "greeting.added"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("topic 'greetings' with CloudEvents type 'greeting.added'");
    }

    @Test
    void rejects_two_producers_for_one_topic_and_type() {
      // given
      var first = new RecordingProducer(TestMessages.publication(GREETINGS));
      var second = new RecordingProducer(TestMessages.publication(GREETINGS));

      // when / then
      assertThatThrownBy(() -> ProducerRegistry.of(List.of(first, second)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Two producers are registered for topic 'greetings'")
          .hasMessageContaining("its own CloudEvents type");
    }
  }

  @Nested
  class LookupAsync {

    @Test
    void returns_a_producer_that_is_also_non_blocking_itself() {
      // given
      var both = new RecordingBothProducer(TestMessages.publication(GREETINGS));
      var registry = ProducerRegistry.of(List.of(both));

      // when
      MessageProducerAsync found = registry.lookupAsync(GREETINGS);

      // then
      assertThat(found).isSameAs(both);
      assertThat(registry.asyncProducers()).containsExactly(both);
    }

    @Test
    void adapts_a_blocking_producer_on_the_given_executor() {
      // given
      var blocking = new RecordingProducer(TestMessages.publication(GREETINGS));
      List<Runnable> submitted = new ArrayList<>();
      Executor stepping = submitted::add;
      var registry =
          ProducerRegistry.builder().producer(blocking).blockingExecutor(stepping).build();
      Message message = event(GREETINGS);

      // when
      CompletableFuture<Void> sent = registry.lookupAsync(GREETINGS).sendAsync(message);

      // then
      assertThat(sent).isNotDone();
      submitted.forEach(Runnable::run);
      assertThat(sent).isCompleted();
      assertThat(blocking.sent).containsExactly(message);
    }

    @Test
    void adapts_a_blocking_producer_on_a_virtual_thread_by_default() {
      // given
      var blocking = new RecordingProducer(TestMessages.publication(GREETINGS));
      try (var registry = ProducerRegistry.of(List.of(blocking))) {

        // when
        registry
            .lookupAsync(GREETINGS, MessageHeader.DEFAULT_TYPE)
            .sendAsync(event(GREETINGS))
            .join();

        // then
        assertThat(blocking.sent).hasSize(1);
        assertThat(registry.asyncProducers()).isEmpty();
      }
    }

    @Test
    void finds_non_blocking_only_producers_but_not_for_blocking_use() {
      // given
      var both = new RecordingBothProducer(TestMessages.publication(GREETINGS));
      MessageProducerAsync asyncOnly =
          new MessageProducerAsync() {
            @Override
            public Publication publication() {
              return TestMessages.publication(FAREWELLS);
            }

            @Override
            public CompletableFuture<Void> sendAsync(Message message) {
              return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
              return sendAsync(message);
            }
          };
      var registry = ProducerRegistry.ofAsync(List.of(both, asyncOnly));

      // when / then
      assertThat(registry.lookupAsync(FAREWELLS)).isSameAs(asyncOnly);
      assertThat(registry.lookup(GREETINGS)).isSameAs(both);
      assertThatThrownBy(() -> registry.lookup(FAREWELLS))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("No blocking producer is registered for farewells");
    }
  }

  @Nested
  class PublicationFor {

    @Test
    void finds_the_one_publication_for_a_request_type() {
      // given
      Publication added = publication(GREETINGS, GreetingAdded.class);
      var registry =
          ProducerRegistry.of(
              List.of(
                  new RecordingProducer(added),
                  new RecordingProducer(publication(FAREWELLS, GreetingRemoved.class))));

      // when
      Publication found = registry.publicationFor(GreetingAdded.class);

      // then
      assertThat(found).isEqualTo(added);
    }

    @Test
    void says_how_to_register_a_missing_publication() {
      // given
      var registry =
          ProducerRegistry.of(List.of(new RecordingProducer(TestMessages.publication(GREETINGS))));

      // when / then
      assertThatThrownBy(() -> registry.publicationFor(GreetingAdded.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("No producer found for " + GreetingAdded.class.getName())
          .hasMessageContaining("register a Publication with requestType GreetingAdded.class");
    }

    @Test // #12: refused only at the first depositPost
    void refuses_a_request_type_published_on_two_topics_when_built() {
      // given
      List<MessageProducer> producers =
          List.of(
              new RecordingProducer(publication(GREETINGS, GreetingAdded.class)),
              new RecordingProducer(publication(FAREWELLS, GreetingAdded.class)));

      // when / then
      assertThatThrownBy(() -> ProducerRegistry.of(producers))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Only one publication per request type is allowed")
          .hasMessageContaining("on topics [greetings, farewells]");
    }
  }

  @Nested
  class Close {

    @Test
    void closes_every_producer_once() {
      // given
      var greetings = new RecordingBothProducer(TestMessages.publication(GREETINGS));
      var farewells = new RecordingProducer(TestMessages.publication(FAREWELLS));
      var registry =
          ProducerRegistry.builder()
              .producer(greetings)
              .asyncProducer(greetings)
              .producer(farewells)
              .build();

      // when
      registry.close();

      // then
      assertThat(greetings.closed).isEqualTo(1);
      assertThat(farewells.closed).isEqualTo(1);
      assertThat(registry.producers()).containsExactly(greetings, farewells);
    }

    @Test
    void closes_the_rest_when_one_producer_fails_and_reports_the_failure() {
      // given
      var failing =
          new RecordingProducer(TestMessages.publication(GREETINGS)) {
            @Override
            public void close() {
              throw new IllegalStateException("connection lost");
            }
          };
      var farewells = new RecordingProducer(TestMessages.publication(FAREWELLS));
      var registry = ProducerRegistry.of(List.of(failing, farewells));

      // when / then
      assertThatThrownBy(registry::close).hasMessage("connection lost");
      assertThat(farewells.closed).isEqualTo(1);
    }
  }
}
