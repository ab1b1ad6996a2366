package io.brighter.dynamodb.greetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.dynamodb.DynamoDbOutbox;
import io.brighter.dynamodb.DynamoDbUnitOfWork;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The greetings example end to end on dynalite: the {@link AddGreetingHandler} writes a person and
 * a {@link GreetingMade} message in one DynamoDB transaction, clears it through the in-memory bus,
 * and a dispatcher hands it to {@link GreetingMadeHandler}.
 */
class GreetingsScenarioIT {

  private static final DynamoDbClient CLIENT = LocalDynamoDb.client();
  private static final DynamoDbOutbox OUTBOX =
      DynamoDbOutbox.builder()
          .client(CLIENT)
          .tableName("scenario_greetings_outbox")
          .build()
          .createTableIfMissing();
  private static final RoutingKey TOPIC = RoutingKey.of("greeting.made");

  private final InMemoryBus bus = new InMemoryBus();
  private final SwitchableProducer producer =
      new SwitchableProducer(
          new InMemoryMessageProducer(
              bus, Publication.builder().topic(TOPIC).requestType(GreetingMade.class).build()));
  private final List<GreetingMade> received = new CopyOnWriteArrayList<>();
  private final People people = new People(CLIENT).createTableIfMissing();
  private final String name = "Ada " + UUID.randomUUID();
  private Dispatcher dispatcher;

  @BeforeEach
  void startTheConsumer() {
    dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor(people))
            .mappers(new MessageMapperRegistry())
            .subscriptions(
                List.of(
                    Subscription.builder()
                        .name("greetings")
                        .routingKey(TOPIC)
                        .requestType(GreetingMade.class)
                        .channelFactory(new InMemoryChannelFactory(bus))
                        .noOfPerformers(1)
                        .build()))
            .build();
    dispatcher.start();
  }

  @AfterEach
  void stopTheConsumer() {
    dispatcher.stop();
  }

  @Test
  void the_person_and_the_message_commit_together_and_the_greeting_reaches_its_handler() {
    // given
    CommandProcessor commandProcessor = commandProcessor(people);

    // when
    commandProcessor.send(new AddGreeting(Id.random(), name, "Hello"));

    // then
    assertThat(people.load(name).greetings()).containsExactly("Hello");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(received)
                    .singleElement()
                    .satisfies(event -> assertThat(event.name()).isEqualTo(name)));
    Message stored = OUTBOX.get(bus.stream(TOPIC).getFirst().id());
    assertThat(stored.isEmpty()).as("outbox row").isFalse();
    assertThat(OUTBOX.dispatchedMessages(TOPIC, Duration.ZERO, 1000))
        .extracting(Message::id)
        .contains(stored.id());
  }

  @Test
  void a_failed_condition_on_the_person_writes_neither_and_sends_nothing() {
    // given: Ada exists, and this handler loads her before a concurrent change
    commandProcessor(people).send(new AddGreeting(Id.random(), name, "Hello"));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    People stale =
        new People(CLIENT) {
          @Override
          public Person load(String who) {
            Person current = super.load(who);
            return new Person(who, current.greetings(), current.version() - 1);
          }
        };
    long outstandingBefore = OUTBOX.outstandingCount();

    // when / then
    assertThatThrownBy(
            () -> commandProcessor(stale).send(new AddGreeting(Id.random(), name, "Goodbye")))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(
            e ->
                assertThat(((TransactionCanceledException) e).cancellationReasons())
                    .extracting(reason -> reason.code())
                    .containsExactly("ConditionalCheckFailed", "None"));
    assertThat(people.load(name).greetings()).containsExactly("Hello");
    assertThat(OUTBOX.outstandingCount()).isEqualTo(outstandingBefore);
    assertThat(bus.stream(TOPIC)).hasSize(1);
    assertThat(received).hasSize(1);
  }

  @Test
  void the_sweeper_sends_what_was_never_cleared() {
    // given: the broker is down when the handler clears the outbox
    CommandProcessor commandProcessor = commandProcessor(people);
    producer.brokerDown(true);
    commandProcessor.send(new AddGreeting(Id.random(), name, "Hello"));
    assertThat(people.load(name).greetings()).containsExactly("Hello");
    assertThat(bus.stream(TOPIC)).isEmpty();

    // when: it is back, and the sweeper runs
    producer.brokerDown(false);
    int swept =
        OutboxSweeper.builder()
            .commandProcessor(commandProcessor)
            .minimumAge(Duration.ZERO)
            .batchSize(100)
            .topicCooldownSweeps(0)
            .build()
            .sweep();

    // then
    assertThat(swept).isPositive();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(received).extracting(GreetingMade::name).contains(name));
  }

  private CommandProcessor commandProcessor(People peopleTable) {
    AtomicReference<CommandProcessor> self = new AtomicReference<>();
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry()
                    .register(AddGreeting.class, AddGreetingHandler.class)
                    .register(GreetingMade.class, GreetingMadeHandler.class),
                new SimpleHandlerFactory()
                    .register(
                        AddGreetingHandler.class,
                        () ->
                            new AddGreetingHandler(
                                new DynamoDbUnitOfWork(CLIENT), peopleTable, self::get))
                    .register(GreetingMadeHandler.class, () -> new GreetingMadeHandler(received)))
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(OUTBOX)
                    .build())
            .build();
    self.set(commandProcessor);
    return commandProcessor;
  }
}
