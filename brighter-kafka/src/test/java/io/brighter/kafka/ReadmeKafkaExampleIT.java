package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
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
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The README's Kafka example, word for word between the markers below, run on the embedded broker:
 * a greeting posted through the producer reaches the subscription's handler. {@link
 * #the_readme_shows_this_code} fails when the README and this code differ.
 */
class ReadmeKafkaExampleIT {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  /** Records each greeting's name. */
  public static final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      RECEIVED.add(event.name());
      return super.handle(event);
    }
  }

  @Test
  void the_example_posts_a_greeting_that_its_subscription_handles() {
    String bootstrapServers = EmbeddedKafkaBroker.shared().bootstrapServers();

    // README snippet: begin
    KafkaConfiguration kafka = KafkaConfiguration.of(bootstrapServers).withClientId("greetings");
    KafkaMessageProducer producer =
        new KafkaMessageProducer(
            kafka,
            KafkaPublication.of(
                    Publication.builder()
                        .topic(RoutingKey.of("greeting.added"))
                        .requestType(GreetingAdded.class)
                        .build())
                .withNumPartitions(6));
    ProducerRegistry producers = ProducerRegistry.of(List.of(producer));

    Subscription greetings =
        Subscription.builder()
            .name("greetings")
            .routingKey(RoutingKey.of("greeting.added"))
            .requestType(GreetingAdded.class)
            .noOfPerformers(3) // one consumer each, sharing the group's partitions
            .channelFactory(
                new KafkaChannelFactory(
                    kafka,
                    KafkaSubscription.DEFAULT.withGroupId("greeter").withCommitBatchSize(100)))
            .build();
    // README snippet: end

    CommandProcessor sender =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(producers)
                    .outbox(new InMemoryOutbox())
                    .build())
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(
                CommandProcessor.builder()
                    .handlers(
                        new SubscriberRegistry()
                            .register(GreetingAdded.class, GreetingAddedHandler.class),
                        new SimpleHandlerFactory())
                    .build())
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(greetings))
            .build();
    try {
      sender.post(new GreetingAdded(Id.random(), "Ada"));
      dispatcher.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.contains("Ada"));
    } finally {
      dispatcher.stop();
      producer.close();
    }
  }

  @Test
  void the_readme_shows_this_code() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    Path root = Files.isRegularFile(module.resolve("README.md")) ? module : module.getParent();
    Path source =
        root.resolve("brighter-kafka/src/test/java/io/brighter/kafka/ReadmeKafkaExampleIT.java");

    String code = Files.readString(source, StandardCharsets.UTF_8);
    String between =
        code.substring(
            code.indexOf("// README snippet: begin\n") + "// README snippet: begin\n".length(),
            code.indexOf("    // README snippet: end"));
    String snippet = between.replaceAll("(?m)^ {4}", "");

    assertThat(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8))
        .contains("```java\n" + snippet + "```\n");
  }
}
