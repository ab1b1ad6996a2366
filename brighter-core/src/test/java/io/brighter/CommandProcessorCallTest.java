package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CommandProcessorCallTest {

  record GreetingRequest(Id id, String name) implements Call<GreetingReply> {}

  record GreetingReply(Id id, String greeting) implements Command {}

  private static final RoutingKey REQUESTS = RoutingKey.of("greeting.request");

  private final InMemoryBus bus = new InMemoryBus();

  private CommandProcessor.Builder processor() {
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
                                    .topic(REQUESTS)
                                    .requestType(GreetingRequest.class)
                                    .build()))))
                .build())
        .replyChannels(replyTo -> new InMemoryMessageConsumer(bus, replyTo));
  }

  /** Answers one request on another thread, as a remote service would. */
  private Thread serve(UnaryOperator<Message> reply) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try (InMemoryMessageConsumer requests = new InMemoryMessageConsumer(bus, REQUESTS)) {
                List<Message> received = List.of();
                while (received.isEmpty()) {
                  received = requests.receive(Duration.ofMillis(100));
                }
                Message request = received.getFirst();
                requests.acknowledge(request);
                Message answer = reply.apply(request);
                new InMemoryMessageProducer(
                        bus, Publication.builder().topic(answer.header().topic()).build())
                    .send(answer);
              }
            });
  }

  private static Message replyTo(Message request, @Nullable Id correlationId) {
    RoutingKey replyTo = request.header().replyTo();
    Publication publication = Publication.builder().topic(replyTo).build();
    Message reply =
        new JsonMessageMapper<>(GreetingReply.class)
            .mapToMessage(new GreetingReply(Id.random(), "Hello, Ada"), publication);
    return reply.withHeader(reply.header().toBuilder().correlationId(correlationId).build());
  }

  @Test
  void returns_the_reply_that_answers_the_call() throws InterruptedException {
    // given
    CommandProcessor processor = processor().build();
    Thread server = serve(request -> replyTo(request, request.header().correlationId()));
    GreetingRequest request = new GreetingRequest(Id.random(), "Ada");

    // when
    GreetingReply reply = processor.call(request, Duration.ofSeconds(5));

    // then
    assertThat(reply).isNotNull();
    assertThat(reply.greeting()).isEqualTo("Hello, Ada");
    server.join();
    assertThat(bus.stream(REQUESTS))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.header().correlationId()).isEqualTo(request.id());
              assertThat(sent.header().replyTo()).isNotNull();
            });
  }

  @Test
  void returns_null_once_the_timeout_passes_without_a_reply() {
    // given
    CommandProcessor processor = processor().build();
    long started = System.nanoTime();

    // when
    GreetingReply reply =
        processor.call(new GreetingRequest(Id.random(), "Ada"), Duration.ofMillis(200));

    // then
    assertThat(reply).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void ignores_a_reply_to_another_call() throws InterruptedException {
    // given
    CommandProcessor processor = processor().build();
    Thread server = serve(request -> replyTo(request, Id.random()));

    // when
    GreetingReply reply =
        processor.call(new GreetingRequest(Id.random(), "Ada"), Duration.ofMillis(500));

    // then
    assertThat(reply).isNull();
    server.join();
  }

  @Test
  void needs_reply_channels_and_a_positive_timeout() {
    CommandProcessor withoutReplies =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .build();
    assertThatThrownBy(
            () ->
                withoutReplies.call(new GreetingRequest(Id.random(), "Ada"), Duration.ofSeconds(1)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("replyChannels");

    CommandProcessor processor = processor().build();
    assertThatThrownBy(() -> processor.call(new GreetingRequest(Id.random(), "Ada"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
