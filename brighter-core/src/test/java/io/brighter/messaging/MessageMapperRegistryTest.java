package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Requests.GreetingAdded;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageMapperRegistryTest {

  static final class GreetingAddedMapper implements MessageMapper<GreetingAdded> {
    @Override
    public Message mapToMessage(GreetingAdded request, Publication publication) {
      return new Message(
          MessageHeader.builder(request.id(), publication.topic(), MessageType.EVENT).build(),
          MessageBody.of(request.name(), "text/plain"));
    }

    @Override
    public GreetingAdded mapToRequest(Message message) {
      return new GreetingAdded(message.id(), message.body().text());
    }
  }

  static final class GreetingAddedAsyncMapper implements MessageMapperAsync<GreetingAdded> {
    @Override
    public CompletableFuture<Message> mapToMessageAsync(
        GreetingAdded request, Publication publication, RequestContext context) {
      return CompletableFuture.completedFuture(
          new GreetingAddedMapper().mapToMessage(request, publication));
    }

    @Override
    public CompletableFuture<GreetingAdded> mapToRequestAsync(Message message) {
      return CompletableFuture.completedFuture(new GreetingAddedMapper().mapToRequest(message));
    }
  }

  @Nested
  class MapperFor {

    @Test
    void returns_the_registered_mapper() {
      // given
      GreetingAddedMapper mapper = new GreetingAddedMapper();
      MessageMapperRegistry registry =
          new MessageMapperRegistry().register(GreetingAdded.class, mapper);

      // when
      MessageMapper<GreetingAdded> found = registry.mapperFor(GreetingAdded.class);

      // then
      assertThat(found).isSameAs(mapper);
      assertThat(registry.find(GreetingAdded.class)).containsSame(mapper);
    }

    @Test
    void falls_back_to_one_json_mapper_per_type() {
      // given
      MessageMapperRegistry registry = new MessageMapperRegistry();

      // when
      MessageMapper<GreetingAdded> first = registry.mapperFor(GreetingAdded.class);
      MessageMapper<GreetingAdded> second = registry.mapperFor(GreetingAdded.class);

      // then
      assertThat(first).isInstanceOf(JsonMessageMapper.class).isSameAs(second);
      assertThat(registry.find(GreetingAdded.class)).isEmpty();
    }

    @Test
    void uses_the_default_factory_given() {
      // given
      GreetingAddedMapper fallback = new GreetingAddedMapper();
      MessageMapperRegistry registry = new MessageMapperRegistry(type -> fallback);

      // when
      MessageMapper<GreetingAdded> found = registry.mapperFor(GreetingAdded.class);

      // then
      assertThat(found).isSameAs(fallback);
    }

    @Test
    void without_a_default_fails_for_an_unregistered_type_naming_it() {
      // given
      MessageMapperRegistry registry = MessageMapperRegistry.withoutDefault();

      // when / then
      assertThatThrownBy(() -> registry.mapperFor(GreetingAdded.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(GreetingAdded.class.getName());
    }

    @Test
    void refuses_a_second_mapper_for_a_type() {
      // given
      MessageMapperRegistry registry =
          new MessageMapperRegistry().register(GreetingAdded.class, new GreetingAddedMapper());

      // when / then
      assertThatThrownBy(() -> registry.register(GreetingAdded.class, new GreetingAddedMapper()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("already registered");
    }
  }

  @Nested
  class AsyncMapperFor {

    @Test
    void returns_the_registered_async_mapper() {
      // given
      GreetingAddedAsyncMapper mapper = new GreetingAddedAsyncMapper();
      MessageMapperRegistry registry =
          MessageMapperRegistry.withoutDefault().registerAsync(GreetingAdded.class, mapper);

      // when / then
      assertThat(registry.asyncMapperFor(GreetingAdded.class)).containsSame(mapper);
    }

    @Test
    void adapts_a_registered_sync_mapper() {
      // given
      MessageMapperRegistry registry =
          MessageMapperRegistry.withoutDefault()
              .register(GreetingAdded.class, new GreetingAddedMapper());
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");

      // when
      MessageMapperAsync<GreetingAdded> adapter =
          registry.asyncMapperFor(GreetingAdded.class).orElseThrow();
      Message message =
          adapter.mapToMessageAsync(event, Requests.GREETINGS, new RequestContext()).join();

      // then
      assertThat(message.body().text()).isEqualTo("Ada");
      assertThat(adapter.mapToRequestAsync(message).join()).isEqualTo(event);
    }

    @Test
    void is_empty_without_any_mapper_or_default() {
      // given
      MessageMapperRegistry registry = MessageMapperRegistry.withoutDefault();

      // when / then
      assertThat(registry.asyncMapperFor(GreetingAdded.class)).isEmpty();
    }
  }
}
