package io.brighter.spring.boot;

import static io.brighter.spring.boot.Fixtures.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.darker.QueryProcessor;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Publication;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.MessagePumpStatus;
import io.brighter.spring.boot.Fixtures.AddGreeting;
import io.brighter.spring.boot.Fixtures.AddGreetingHandler;
import io.brighter.spring.boot.Fixtures.AddGreetingHandlerAsync;
import io.brighter.spring.boot.Fixtures.AuditedGreeting;
import io.brighter.spring.boot.Fixtures.AuditedGreetingHandler;
import io.brighter.spring.boot.Fixtures.CountGreetings;
import io.brighter.spring.boot.Fixtures.CountGreetingsHandler;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import io.brighter.spring.boot.Fixtures.SingletonHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration's conditions and properties, on in-memory messaging. */
class BrighterAutoConfigurationTest {

  static final AutoConfigurations BRIGHTER =
      AutoConfigurations.of(
          BrighterJdbcAutoConfiguration.class,
          BrighterOutboxAutoConfiguration.class,
          BrighterMicrometerAutoConfiguration.class,
          BrighterTracingAutoConfiguration.class,
          BrighterAutoConfiguration.class,
          BrighterQueryAutoConfiguration.class,
          BrighterHealthAutoConfiguration.class);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(BRIGHTER).withBean(Received.class);

  /** An application that sends {@link GreetingAdded} over an in-memory bus. */
  private ApplicationContextRunner sending() {
    return sending(new InMemoryBus());
  }

  private ApplicationContextRunner sending(InMemoryBus bus) {
    return runner
        .withBean(InMemoryBus.class, () -> bus)
        .withBean("greetingProducer", MessageProducer.class, () -> Fixtures.producer(bus));
  }

  @Nested
  class Handlers {

    @Test
    void send_reaches_a_prototype_handler_bean_with_its_dependencies_injected() {
      runner
          .withUserConfiguration(AddGreetingHandler.class)
          .run(
              context -> {
                context.getBean(CommandProcessor.class).send(new AddGreeting(Id.random(), "Ada"));

                assertThat(context.getBean(Received.class).names).containsExactly("added Ada");
              });
    }

    @Test
    void send_async_reaches_an_asynchronous_handler_bean() {
      runner
          .withUserConfiguration(AddGreetingHandlerAsync.class)
          .run(
              context -> {
                context
                    .getBean(CommandProcessor.class)
                    .sendAsync(new AddGreeting(Id.random(), "Ada"))
                    .join();

                assertThat(context.getBean(Received.class).names)
                    .containsExactly("added async Ada");
              });
    }

    @Test
    void middleware_named_by_an_annotation_is_created_with_its_dependencies_and_released() {
      runner
          .withUserConfiguration(AuditedGreetingHandler.class)
          .run(
              context -> {
                context
                    .getBean(CommandProcessor.class)
                    .send(new AuditedGreeting(Id.random(), "Ada"));

                assertThat(context.getBean(Received.class).names)
                    .containsExactly("audited AuditedGreeting", "handled Ada", "released audit");
              });
    }

    @Test
    void a_singleton_handler_bean_fails_the_start_naming_the_bean() {
      runner
          .withBean(SingletonHandler.class)
          .run(
              context ->
                  assertThat(context)
                      .hasFailed()
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("must be prototype-scoped")
                      .hasMessageContaining(SingletonHandler.class.getName()));
    }

    @Test
    void the_applications_own_command_processor_wins() {
      CommandProcessor own =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .build();
      runner
          .withBean(CommandProcessor.class, () -> own)
          .run(context -> assertThat(context.getBean(CommandProcessor.class)).isSameAs(own));
    }

    @Test
    void a_query_handler_bean_answers_through_the_query_processor() {
      runner
          .withUserConfiguration(AddGreetingHandler.class)
          .withUserConfiguration(CountGreetingsHandler.class)
          .run(
              context -> {
                context.getBean(CommandProcessor.class).send(new AddGreeting(Id.random(), "Ada"));

                assertThat(
                        context.getBean(QueryProcessor.class).execute(new CountGreetings("added")))
                    .isEqualTo(1);
              });
    }

    @Test
    void a_mapper_bean_maps_the_request_type_it_declares() {
      MessageMapper<GreetingAdded> mapper = new UpperCaseMapper();
      runner
          .withBean(UpperCaseMapper.class, () -> (UpperCaseMapper) mapper)
          .run(
              context ->
                  assertThat(
                          context
                              .getBean(MessageMapperRegistry.class)
                              .mapperFor(GreetingAdded.class))
                      .isSameAs(mapper));
    }
  }

  @Nested
  class Producers {

    @Test
    void without_producers_there_is_no_external_bus_outbox_sweeper_or_dispatcher() {
      runner.run(
          context ->
              assertThat(context)
                  .hasSingleBean(CommandProcessor.class)
                  .doesNotHaveBean(ExternalBusConfiguration.class)
                  .doesNotHaveBean(Outbox.class)
                  .doesNotHaveBean(OutboxSweeper.class)
                  .doesNotHaveBean(Dispatcher.class));
    }

    @Test
    void post_sends_through_the_producer_bean_via_an_in_memory_outbox() {
      sending()
          .run(
              context -> {
                Id id =
                    context
                        .getBean(CommandProcessor.class)
                        .post(new GreetingAdded(Id.random(), "Ada"));

                assertThat(context.getBean(Outbox.class)).isInstanceOf(InMemoryOutbox.class);
                assertThat(context.getBean(InMemoryBus.class).stream(TOPIC))
                    .extracting(message -> message.header().messageId())
                    .containsExactly(id);
              });
    }

    @Test
    void the_applications_own_outbox_wins() {
      InMemoryOutbox own = new InMemoryOutbox();
      sending()
          .withBean(Outbox.class, () -> own)
          .run(
              context -> {
                Id id =
                    context
                        .getBean(CommandProcessor.class)
                        .depositPost(new GreetingAdded(Id.random(), "Ada"));

                assertThat(own.get(id).header().messageId()).isEqualTo(id);
              });
    }

    @Test
    void the_sweeper_sends_deposited_messages_while_the_application_runs() {
      sending()
          .withPropertyValues("brighter.sweeper.minimum-age=0s", "brighter.sweeper.interval=50ms")
          .run(
              context -> {
                Id id =
                    context
                        .getBean(CommandProcessor.class)
                        .depositPost(new GreetingAdded(Id.random(), "Ada"));

                await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                        () ->
                            assertThat(context.getBean(InMemoryBus.class).stream(TOPIC))
                                .extracting(message -> message.header().messageId())
                                .containsExactly(id));
              });
    }

    @Test
    void brighter_sweeper_enabled_false_leaves_the_sweeper_out() {
      sending()
          .withPropertyValues("brighter.sweeper.enabled=false")
          .run(
              context ->
                  assertThat(context)
                      .hasSingleBean(ExternalBusConfiguration.class)
                      .doesNotHaveBean(OutboxSweeper.class));
    }

    @Test
    void brighter_properties_bind_with_their_defaults() {
      runner
          .withPropertyValues(
              "brighter.sweeper.batch-size=7",
              "brighter.sweeper.lease=45s",
              "brighter.outbox.table-name=orders_outbox",
              "brighter.health.outbox-max-age=2m")
          .run(
              context -> {
                BrighterProperties properties = context.getBean(BrighterProperties.class);

                assertThat(properties.sweeper().batchSize()).isEqualTo(7);
                assertThat(properties.sweeper().minimumAge()).isEqualTo(Duration.ofSeconds(5));
                assertThat(properties.sweeper().lease()).isEqualTo(Duration.ofSeconds(45));
                assertThat(properties.sweeper().topicCooldownSweeps()).isEqualTo(3);
                assertThat(properties.outbox().sendAfterCommit())
                    .isEqualTo(BrighterProperties.SendAfterCommit.BACKGROUND);
                assertThat(properties.outbox().tableName()).isEqualTo("orders_outbox");
                assertThat(properties.outbox().createTable()).isTrue();
                assertThat(properties.inbox().enabled()).isFalse();
                assertThat(properties.health().outboxMaxAge()).isEqualTo(Duration.ofMinutes(2));
                assertThat(properties.dispatcher().shutdownTimeout())
                    .isEqualTo(Duration.ofSeconds(10));
              });
    }
  }

  @Nested
  class Consumers {

    private ApplicationContextRunner consuming() {
      InMemoryBus bus = new InMemoryBus();
      return sending(bus)
          .withUserConfiguration(GreetingAddedHandler.class)
          .withBean("greetings", Subscription.class, () -> Fixtures.subscription(bus));
    }

    @Test
    void the_dispatcher_delivers_subscribed_messages_to_handler_beans() {
      consuming()
          .run(
              context -> {
                context.getBean(CommandProcessor.class).post(new GreetingAdded(Id.random(), "Ada"));

                await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                        () ->
                            assertThat(context.getBean(Received.class).names)
                                .containsExactly("consumed Ada"));
              });
    }

    @Test
    void the_dispatcher_stops_when_the_context_closes() {
      Dispatcher[] dispatcher = new Dispatcher[1];
      consuming()
          .run(
              context -> {
                dispatcher[0] = context.getBean(Dispatcher.class);
                assertThat(dispatcher[0].state())
                    .extracting(state -> state.status())
                    .containsOnly(MessagePumpStatus.STARTED);
              });

      assertThat(dispatcher[0].state())
          .isNotEmpty()
          .extracting(state -> state.status())
          .containsOnly(MessagePumpStatus.STOPPED);
    }

    @Test
    void brighter_dispatcher_enabled_false_leaves_the_dispatcher_out() {
      consuming()
          .withPropertyValues("brighter.dispatcher.enabled=false")
          .run(context -> assertThat(context).doesNotHaveBean(Dispatcher.class));
    }
  }

  @Nested
  class OptionalParts {

    @Test
    void without_the_optional_modules_the_core_parts_still_start() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      sending()
          .withBean(DataSource.class, () -> dataSource)
          .withBean(SimpleMeterRegistry.class)
          .withClassLoader(
              new FilteredClassLoader(
                  "io.brighter.jdbc.",
                  "io.brighter.darker.",
                  "io.brighter.micrometer.",
                  "org.springframework.boot.health."))
          .run(
              context ->
                  assertThat(context)
                      .hasNotFailed()
                      .hasSingleBean(CommandProcessor.class)
                      .hasSingleBean(InMemoryOutbox.class)
                      .doesNotHaveBean(SpringTransactionProvider.class)
                      .doesNotHaveBean(QueryProcessor.class)
                      .doesNotHaveBean(MessagingMetrics.class)
                      .doesNotHaveBean(OutboxHealthIndicator.class));
    }
  }

  @Nested
  class Metadata {

    @Test
    void the_jar_describes_the_brighter_properties_for_ides() throws Exception {
      JsonNode metadata;
      try (InputStream json =
          getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
        assertThat(json).isNotNull();
        metadata = new ObjectMapper().readTree(json);
      }

      assertThat(metadata.get("properties").findValuesAsText("name"))
          .contains(
              "brighter.outbox.table-name",
              "brighter.sweeper.minimum-age",
              "brighter.dispatcher.shutdown-timeout",
              "brighter.health.outbox-max-age",
              "management.health.brighter.enabled");
      assertThat(metadata.get("hints").findValuesAsText("name"))
          .contains("brighter.outbox.dialect");
    }
  }

  /** A mapper bean for {@link GreetingAdded}. */
  static final class UpperCaseMapper implements MessageMapper<GreetingAdded> {
    @Override
    public Message mapToMessage(GreetingAdded request, Publication publication) {
      return new Message(
          MessageHeader.builder(request.id(), publication.topic(), MessageType.EVENT).build(),
          MessageBody.of(request.name().toUpperCase(Locale.ROOT), "text/plain"));
    }

    @Override
    public GreetingAdded mapToRequest(Message message) {
      return new GreetingAdded(message.header().messageId(), message.body().text());
    }
  }
}
