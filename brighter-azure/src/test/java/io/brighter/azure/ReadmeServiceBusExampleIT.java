package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.azure.local.LocalServiceBus;
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
import io.brighter.testing.ReadmeSnippets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The README's Service Bus examples, word for word between the markers below: the configuration
 * (built, not connected), and a producer and a subscription run on the local namespace, where a
 * greeting posted reaches the subscription's handler. {@link #the_readme_shows_this_code} fails
 * when the README and this code differ.
 */
class ReadmeServiceBusExampleIT {

  private static final String SOURCE =
      "brighter-azure/src/test/java/io/brighter/azure/ReadmeServiceBusExampleIT.java";

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
  void the_configuration_takes_a_connection_string_or_a_credential() {
    String connectionString = LocalServiceBus.shared().connectionString();
    TokenCredential tokenCredential =
        request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1)));

    // README configuration: begin
    AzureServiceBusConfiguration bus =
        AzureServiceBusConfiguration.builder()
            .connectionString(connectionString) // Endpoint=sb://…;SharedAccessKeyName=…;…
            .bulkSendBatchSize(50) // messages per batch in sendBatch; 10 unless set
            .build();
    AzureServiceBusConfiguration withIdentity =
        AzureServiceBusConfiguration.builder()
            .fullyQualifiedNamespace("orders.servicebus.windows.net")
            .credential(tokenCredential) // e.g. new DefaultAzureCredentialBuilder().build()
            .build();
    // README configuration: end

    assertThat(bus.bulkSendBatchSize()).isEqualTo(50);
    assertThat(withIdentity.bulkSendBatchSize()).isEqualTo(10);
  }

  @Test
  void the_example_posts_a_greeting_that_its_subscription_handles() {
    AzureServiceBusConfiguration bus = LocalBus.CONFIGURATION;
    RoutingKey topic = RoutingKey.of("greeting.added-" + Id.random().value().substring(24));

    // README snippet: begin
    AzureServiceBusMessageProducer producer =
        new AzureServiceBusMessageProducer(
            bus, // the topic is made when missing
            Publication.builder().topic(topic).requestType(GreetingAdded.class).build());
    ProducerRegistry producers = ProducerRegistry.of(List.of(producer));

    Subscription greetings =
        Subscription.builder()
            .name("greetings")
            .routingKey(topic) // the topic
            .channelName("greeter") // its subscription, made when missing
            .requestType(GreetingAdded.class)
            .requeueCount(3) // then dead-lettered into greeter/$deadletterqueue
            .channelFactory(
                new AzureServiceBusChannelFactory(
                    bus,
                    AzureServiceBusSubscription.DEFAULT
                        .withMaxDeliveryCount(10) // Service Bus's own limit, above requeueCount
                        .withLockDuration(Duration.ofMinutes(2))
                        .withSqlFilter("MessageType = 'MT_EVENT'")))
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
      dispatcher.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  LocalBus.CONFIGURATION
                      .administrationClient()
                      .getSubscriptionExists(topic.value(), "greeter"));
      sender.post(new GreetingAdded(Id.random(), "Ada"));
      await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.contains("Ada"));
    } finally {
      dispatcher.stop();
      producer.close();
    }
  }

  @Test
  void the_readme_shows_this_code() {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.codeBlock(SOURCE, "README configuration"))
        .contains(ReadmeSnippets.codeBlock(SOURCE, "README snippet"));
  }
}
