package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.messaging.Requests.AddGreeting;
import io.brighter.messaging.Requests.GreetingAdded;
import io.brighter.messaging.Requests.Line;
import io.brighter.messaging.Requests.Neither;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonMessageMapperTest {

  private final JsonMessageMapper<AddGreeting> commands =
      new JsonMessageMapper<>(AddGreeting.class);
  private final JsonMessageMapper<GreetingAdded> events =
      new JsonMessageMapper<>(GreetingAdded.class);

  private static AddGreeting addGreeting() {
    return new AddGreeting(
        Id.of("0190b8a2-7d4e-7000-8000-000000000001"),
        "Ada",
        Instant.parse("2025-01-02T03:04:05.123456Z"),
        List.of(new Line("hello", 1), new Line("world", 2)));
  }

  @Nested
  class MapToMessage {

    @Test
    void writes_readable_json_with_the_id_as_a_string_and_dates_as_iso_text() {
      // given
      AddGreeting command = addGreeting();

      // when
      Message message = commands.mapToMessage(command, Requests.GREETINGS);

      // then
      assertThat(message.body().contentType()).isEqualTo("application/json");
      assertThat(message.header().contentType()).isEqualTo("application/json");
      assertThat(message.body().text())
          .contains("\"id\":\"0190b8a2-7d4e-7000-8000-000000000001\"")
          .contains("\"at\":\"2025-01-02T03:04:05.123456Z\"")
          .contains("\"lines\":[{\"text\":\"hello\",\"count\":1}");
      assertThat(message.id()).isEqualTo(command.id());
    }

    @Test
    void types_commands_and_events() {
      // given
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");

      // when
      Message command = commands.mapToMessage(addGreeting(), Requests.GREETINGS);
      Message published = events.mapToMessage(event, Requests.GREETINGS);

      // then
      assertThat(command.header().messageType()).isEqualTo(MessageType.COMMAND);
      assertThat(published.header().messageType()).isEqualTo(MessageType.EVENT);
    }

    @Test
    void refuses_a_request_that_is_neither_command_nor_event() {
      // given
      JsonMessageMapper<Neither> mapper = new JsonMessageMapper<>(Neither.class);

      // when / then
      assertThatThrownBy(() -> mapper.mapToMessage(new Neither(Id.random()), Requests.GREETINGS))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Neither.class.getName());
    }

    @Test
    void takes_the_header_from_the_publication() {
      // given
      Publication publication =
          Publication.builder()
              .topic(RoutingKey.of("greetings.v2"))
              .source(URI.create("https://greetings.example.com"))
              .type("io.example.greeting.added")
              .subject("ada")
              .dataSchema(URI.create("https://schemas.example.com/greeting"))
              .replyTo(RoutingKey.of("greetings.replies"))
              .defaultHeader("tenant", "acme")
              .build();

      // when
      MessageHeader header =
          events.mapToMessage(new GreetingAdded(Id.random(), "Ada"), publication).header();

      // then
      assertThat(header.topic()).isEqualTo(RoutingKey.of("greetings.v2"));
      assertThat(header.source()).isEqualTo(URI.create("https://greetings.example.com"));
      assertThat(header.type()).isEqualTo("io.example.greeting.added");
      assertThat(header.subject()).isEqualTo("ada");
      assertThat(header.dataSchema()).isEqualTo(URI.create("https://schemas.example.com/greeting"));
      assertThat(header.replyTo()).isEqualTo(RoutingKey.of("greetings.replies"));
      assertThat(header.bag()).containsEntry("tenant", "acme");
    }

    @Test
    void takes_partition_key_correlation_id_and_extra_headers_from_the_context() {
      // given
      Id correlationId = Id.random();
      RequestContext context = new RequestContext();
      context.bag().put(ContextBagKeys.PARTITION_KEY, "customer-42");
      context.bag().put(ContextBagKeys.CORRELATION_ID, correlationId);
      context.bag().put(ContextBagKeys.HEADERS, Map.of("tenant", "acme", "attempt", 2));

      // when
      MessageHeader header =
          commands.mapToMessage(addGreeting(), Requests.GREETINGS, context).header();

      // then
      assertThat(header.partitionKey()).isEqualTo("customer-42");
      assertThat(header.correlationId()).isEqualTo(correlationId);
      assertThat(header.bag()).containsEntry("tenant", "acme").containsEntry("attempt", 2);
    }

    @Test
    void accepts_a_correlation_id_given_as_text() {
      // given
      RequestContext context = new RequestContext();
      context.bag().put(ContextBagKeys.CORRELATION_ID, "corr-1");

      // when
      MessageHeader header =
          commands.mapToMessage(addGreeting(), Requests.GREETINGS, context).header();

      // then
      assertThat(header.correlationId()).isEqualTo(Id.of("corr-1"));
    }
  }

  /** Says, when it is ever initialised, that a message made it load. */
  static final class NeverInitialised {
    static final String MARK = "brighter.test.never-initialised";

    static {
      System.setProperty(MARK, "initialised");
    }
  }

  /** A request whose id travels under another name, so the message id cannot stand in. */
  record RenamedId(@JsonProperty("key") Id id, String name) implements Event {}

  @Nested
  class MapToRequest {

    @Test
    void round_trips_a_record_with_an_id_an_instant_and_a_nested_list() {
      // given
      AddGreeting command = addGreeting();
      Message message = commands.mapToMessage(command, Requests.GREETINGS);

      // when
      AddGreeting back = commands.mapToRequest(message);

      // then
      assertThat(back).isEqualTo(command);
    }

    @Test // #15: no class named by a message is ever loaded
    void a_class_named_in_the_headers_or_the_body_is_never_initialised() {
      // given: its name in the CloudEvents type, in a type-id header and as "@class" in the body
      String gadget = JsonMessageMapperTest.class.getName() + "$NeverInitialised";
      Message message =
          new Message(
              MessageHeader.builder(Id.of("m-1"), RoutingKey.of("greetings"), MessageType.EVENT)
                  .type(gadget)
                  .bagEntry("__TypeId__", gadget)
                  .build(),
              MessageBody.json(
                  "{\"@class\":\""
                      + gadget
                      + "\",\"id\":\"g-1\",\"name\":\"Ada\",\"extra\":{\"@class\":\""
                      + gadget
                      + "\"}}"));

      // when
      GreetingAdded event = events.mapToRequest(message);

      // then: the name is text to it, never a class to make
      assertThat(event.name()).isEqualTo("Ada");
      assertThat(System.getProperty(NeverInitialised.MARK)).isNull();
    }

    @Test
    void ignores_unknown_properties() {
      // given
      Message message = message("{\"id\":\"g-1\",\"name\":\"Ada\",\"addedIn\":\"v2\"}");

      // when
      GreetingAdded event = events.mapToRequest(message);

      // then
      assertThat(event).isEqualTo(new GreetingAdded(Id.of("g-1"), "Ada"));
    }

    @Test
    void rejects_bad_json_as_an_invalid_message_naming_the_type() {
      // given
      Message message = message("{\"id\": \"g-1\", \"name\": ");

      // when / then
      assertThatThrownBy(() -> events.mapToRequest(message))
          .isInstanceOf(InvalidMessageAction.class)
          .hasMessageContaining(GreetingAdded.class.getName())
          .hasMessageContaining("m-1");
    }

    @Test
    void rejects_json_that_does_not_fit_the_type_as_an_invalid_message() {
      // given
      Message message = message("{\"id\": {\"value\": 1}, \"name\": [1, 2]}");

      // when / then
      assertThatThrownBy(() -> events.mapToRequest(message))
          .isInstanceOf(InvalidMessageAction.class)
          .hasMessageContaining(GreetingAdded.class.getName());
    }

    @Test
    void rejects_an_empty_body_as_an_invalid_message() {
      // given
      Message message = message("");

      // when / then
      assertThatThrownBy(() -> events.mapToRequest(message))
          .isInstanceOf(InvalidMessageAction.class);
    }

    @Test // #12: a body without an id reached the handler with a null id
    void gives_a_request_whose_body_has_no_id_the_message_id() {
      // given
      Message missing = message("{\"name\":\"Ada\"}");
      Message nullId = message("{\"id\":null,\"name\":\"Ada\"}");

      // when / then
      assertThat(events.mapToRequest(missing)).isEqualTo(new GreetingAdded(Id.of("m-1"), "Ada"));
      assertThat(events.mapToRequest(nullId)).isEqualTo(new GreetingAdded(Id.of("m-1"), "Ada"));
    }

    @Test
    void refuses_a_body_without_an_id_when_the_type_does_not_take_the_message_id() {
      // given
      JsonMessageMapper<RenamedId> renamed = new JsonMessageMapper<>(RenamedId.class);

      // when / then
      assertThatThrownBy(() -> renamed.mapToRequest(message("{\"name\":\"Ada\"}")))
          .isInstanceOf(InvalidMessageAction.class)
          .hasMessageContaining("has no id");
    }

    @Test
    void refuses_a_body_that_is_not_an_object() {
      assertThatThrownBy(() -> events.mapToRequest(message("[1,2]")))
          .isInstanceOf(InvalidMessageAction.class);
    }

    private static Message message(String json) {
      return new Message(
          MessageHeader.builder(Id.of("m-1"), RoutingKey.of("greetings"), MessageType.EVENT)
              .build(),
          MessageBody.json(json));
    }
  }

  @Nested
  class SharedConfiguration {

    @Test
    void refuses_an_object_mapper_with_default_typing() {
      // given
      ObjectMapper typed = JsonMessageMapper.defaultObjectMapper();
      typed.activateDefaultTyping(
          BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build());

      // when / then
      assertThatThrownBy(() -> new JsonMessageMapper<>(GreetingAdded.class, typed))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("JsonMessageMapper.json has default typing activated");
    }

    @Test
    void a_copy_of_the_default_configuration_changed_later_does_not_reach_other_mappers() {
      // given
      ObjectMapper copy = JsonMessageMapper.defaultObjectMapper();
      JsonMessageMapper<GreetingAdded> mapper = new JsonMessageMapper<>(GreetingAdded.class, copy);

      // when
      copy.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      Message extra =
          new Message(
              MessageHeader.builder(Id.of("m-2"), RoutingKey.of("greetings"), MessageType.EVENT)
                  .build(),
              MessageBody.json("{\"id\":\"g-1\",\"name\":\"Ada\",\"mood\":\"happy\"}"));

      // then
      assertThat(mapper.mapToRequest(extra)).isEqualTo(new GreetingAdded(Id.of("g-1"), "Ada"));
      assertThat(events.mapToRequest(extra)).isEqualTo(new GreetingAdded(Id.of("g-1"), "Ada"));
    }
  }
}
