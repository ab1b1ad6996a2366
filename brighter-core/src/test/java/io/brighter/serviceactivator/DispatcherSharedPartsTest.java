package io.brighter.serviceactivator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.observability.MessagingMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A dispatcher uses what its command processor was built with unless given its own. */
class DispatcherSharedPartsTest {

  record Shout(Id id, String words) implements Command {}

  static final RoutingKey SHOUTS = RoutingKey.of("shouts");

  /** Reads a plain-text body, shouting it. */
  static final class ShoutMapper implements MessageMapper<Shout> {
    @Override
    public Message mapToMessage(Shout request, Publication publication) {
      return new Message(
          MessageHeader.builder(request.id(), publication.topic(), MessageType.COMMAND).build(),
          new MessageBody(request.words().getBytes(), "text/plain"));
    }

    @Override
    public Shout mapToRequest(Message message) {
      return new Shout(message.id(), message.body().text().toUpperCase());
    }
  }

  static final class ShoutHandler extends RequestHandler<Shout> {
    static final List<String> HEARD = new CopyOnWriteArrayList<>();

    @Override
    public Shout handle(Shout request) {
      HEARD.add(request.words());
      return super.handle(request);
    }
  }

  @Test
  void mappers_and_metrics_come_from_the_command_processor_when_not_given() {
    // given
    InMemoryBus bus = new InMemoryBus();
    List<MessagingMetrics.Settlement> settlements = new CopyOnWriteArrayList<>();
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(Shout.class, ShoutHandler.class),
                new SimpleHandlerFactory().register(ShoutHandler.class, ShoutHandler::new))
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of()))
                    .mappers(new MessageMapperRegistry().register(Shout.class, new ShoutMapper()))
                    .build())
            .metrics(
                new MessagingMetrics() {
                  @Override
                  public void settled(Subscription subscription, Message message, Settlement how) {
                    settlements.add(how);
                  }
                })
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .subscriptions(
                List.of(
                    Subscription.builder()
                        .name("shouts")
                        .routingKey(SHOUTS)
                        .requestType(Shout.class)
                        .channelFactory(new InMemoryChannelFactory(bus))
                        .timeout(Duration.ofMillis(20))
                        .build()))
            .build();
    ShoutHandler.HEARD.clear();

    // when
    dispatcher.start();
    try {
      new InMemoryMessageProducer(bus, Publication.builder().topic(SHOUTS).build())
          .send(
              new Message(
                  MessageHeader.builder(Id.random(), SHOUTS, MessageType.COMMAND).build(),
                  new MessageBody("hello".getBytes(), "text/plain")));

      // then
      await().atMost(Duration.ofSeconds(5)).until(() -> !settlements.isEmpty());
      assertThat(ShoutHandler.HEARD).containsExactly("HELLO");
      assertThat(settlements).containsExactly(MessagingMetrics.Settlement.ACKNOWLEDGED);
    } finally {
      dispatcher.stop();
    }
  }
}
