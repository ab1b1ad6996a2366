package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.fixtures.MovableClock;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.InMemoryInbox;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandProcessorInboxReplayTest {

  record AddGreeting(Id id, String name) implements Command {}

  record GreetingAdded(Id id, String name) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final InMemoryInbox inbox = new InMemoryInbox();
  private final AtomicReference<CommandProcessor> processor = new AtomicReference<>();
  private int handled;

  /** Posts one event per command, with its own context so the causation id travels along. */
  class ReplayingHandler extends RequestHandler<AddGreeting> {
    @Override
    @UseInbox(
        step = 0,
        contextKey = "greetings",
        onceOnly = true,
        onceOnlyAction = OnceOnlyAction.REPLAY)
    public AddGreeting handle(AddGreeting command) {
      handled++;
      processor.get().post(new GreetingAdded(Id.random(), command.name()), context());
      return super.handle(command);
    }
  }

  private CommandProcessor build() {
    CommandProcessor built =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(AddGreeting.class, ReplayingHandler.class),
                new SimpleHandlerFactory().register(ReplayingHandler.class, ReplayingHandler::new))
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
                    .mappers(new MessageMapperRegistry())
                    .outbox(outbox)
                    .clock(clock)
                    .build())
            .inbox(inbox)
            .build();
    processor.set(built);
    return built;
  }

  @Nested
  class Replay {

    @Test
    void messages_posted_while_handling_carry_the_command_id_as_causation_id() {
      // given
      AddGreeting command = new AddGreeting(Id.random(), "Ada");

      // when
      build().send(command);

      // then
      assertThat(bus.stream(GREETINGS))
          .singleElement()
          .satisfies(
              message ->
                  assertThat(message.header().bag())
                      .containsEntry(HeaderNames.CAUSATION_ID, command.id().value()));
      assertThat(outbox.messagesCausedBy(command.id())).hasSize(1);
    }

    @Test
    void a_duplicate_sends_the_first_handlings_messages_again_without_handling_twice() {
      // given
      CommandProcessor commandProcessor = build();
      AddGreeting command = new AddGreeting(Id.random(), "Ada");
      commandProcessor.send(command);
      Message first = bus.stream(GREETINGS).getFirst();

      // when
      commandProcessor.send(command);

      // then
      assertThat(handled).isEqualTo(1);
      assertThat(bus.stream(GREETINGS))
          .extracting(Message::id)
          .containsExactly(first.id(), first.id());
    }

    @Test
    void another_commands_messages_are_not_replayed() {
      // given
      CommandProcessor commandProcessor = build();
      AddGreeting command = new AddGreeting(Id.random(), "Ada");
      commandProcessor.send(new AddGreeting(Id.random(), "Bob"));
      commandProcessor.send(command);

      // when
      commandProcessor.send(command);

      // then
      assertThat(bus.stream(GREETINGS)).hasSize(3);
      assertThat(outbox.messagesCausedBy(command.id())).hasSize(1);
    }
  }
}
