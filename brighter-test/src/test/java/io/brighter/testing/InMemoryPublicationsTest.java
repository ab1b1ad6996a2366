package io.brighter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import org.junit.jupiter.api.Test;

class InMemoryPublicationsTest {

  record GreetingAdded(Id id, String name) implements Event {}

  record AddGreeting(Id id, String name) implements Command {}

  @Test
  void each_request_type_is_posted_to_its_own_topic() {
    // given
    InMemoryBus bus = new InMemoryBus();
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                InMemoryPublications.on(bus)
                    .publish(GreetingAdded.class, RoutingKey.of("greeting.added"))
                    .publish(AddGreeting.class, RoutingKey.of("greeting.add"))
                    .externalBus()
                    .build())
            .build();

    // when
    Id event = processor.post(new GreetingAdded(Id.random(), "Ada"));
    Id command = processor.post(new AddGreeting(Id.random(), "Grace"));

    // then
    assertThat(bus.stream(RoutingKey.of("greeting.added")))
        .extracting(Message::id)
        .containsExactly(event);
    assertThat(bus.stream(RoutingKey.of("greeting.add")))
        .extracting(Message::id)
        .containsExactly(command);
  }

  @Test
  void adding_a_publication_leaves_the_first_set_as_it_was() {
    InMemoryPublications none = InMemoryPublications.on(new InMemoryBus());

    InMemoryPublications one = none.publish(GreetingAdded.class, RoutingKey.of("greeting.added"));

    assertThat(none.publications()).isEmpty();
    assertThat(one.publications()).hasSize(1);
  }
}
