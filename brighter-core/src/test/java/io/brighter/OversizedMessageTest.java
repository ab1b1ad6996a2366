package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageTooLargeException;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message its broker would refuse is refused at deposit, before the outbox stores it. */
class OversizedMessageTest {

  record Note(Id id, String text) implements Event {}

  private static final RoutingKey NOTES = RoutingKey.of("notes");
  private static final int LIMIT = 4_096;

  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(ProducerRegistry.of(List.of(new Limited(bus))))
                  .outbox(outbox)
                  .build())
          .build();

  @Test // #15: an oversized message stayed in the outbox, failing every sweep
  void a_message_larger_than_its_producer_takes_is_refused_and_not_stored() {
    // given
    Note large = new Note(Id.random(), "x".repeat(LIMIT));

    // when / then
    assertThatThrownBy(() -> processor.depositPost(large))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining(large.id().value())
        .hasMessageContaining("notes")
        .hasMessageContaining("at most " + LIMIT)
        .hasMessageContaining("claim-check transform");
    assertThatThrownBy(() -> processor.post(Duration.ofMinutes(1), large))
        .isInstanceOf(MessageTooLargeException.class);
    assertThat(outbox.get(large.id()).header().messageType())
        .isEqualTo(io.brighter.messaging.MessageType.NONE);
  }

  @Test
  void a_message_within_the_limit_is_posted() {
    Note small = new Note(Id.random(), "x".repeat(LIMIT / 2));

    processor.post(small);

    assertThat(bus.stream(NOTES)).extracting(Message::id).containsExactly(small.id());
  }

  /** An in-memory producer that takes messages of up to {@value #LIMIT} bytes. */
  private static final class Limited implements MessageProducer {
    private final InMemoryMessageProducer delegate;

    Limited(InMemoryBus bus) {
      delegate =
          new InMemoryMessageProducer(
              bus, Publication.builder().topic(NOTES).requestType(Note.class).build());
    }

    @Override
    public Publication publication() {
      return delegate.publication();
    }

    @Override
    public void send(Message message) {
      delegate.send(message);
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      delegate.sendWithDelay(message, delay);
    }

    @Override
    public long maxMessageBytes() {
      return LIMIT;
    }
  }
}
