package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandProcessorSendTest {

  record AddGreeting(Id id, String name) implements Command {}

  record Unhandled(Id id) implements Command {}

  static final class AddGreetingHandler extends RequestHandler<AddGreeting> {
    private final List<String> greeted;

    AddGreetingHandler(List<String> greeted) {
      this.greeted = greeted;
    }

    @Override
    public AddGreeting handle(AddGreeting command) {
      greeted.add(command.name() + " " + context().bag().getOrDefault("tenant", "-"));
      return super.handle(command);
    }
  }

  static final class SecondAddGreetingHandler extends RequestHandler<AddGreeting> {}

  static final class AddGreetingHandlerAsync extends RequestHandlerAsync<AddGreeting> {
    private final List<String> greeted;

    AddGreetingHandlerAsync(List<String> greeted) {
      this.greeted = greeted;
    }

    @Override
    public CompletableFuture<AddGreeting> handleAsync(AddGreeting command) {
      return CompletableFuture.supplyAsync(
          () -> {
            greeted.add(command.name());
            return command;
          });
    }
  }

  private final List<String> greeted = new CopyOnWriteArrayList<>();
  private final SimpleHandlerFactory factory =
      new SimpleHandlerFactory()
          .register(AddGreetingHandler.class, () -> new AddGreetingHandler(greeted))
          .register(AddGreetingHandlerAsync.class, () -> new AddGreetingHandlerAsync(greeted));

  private CommandProcessor processor(SubscriberRegistry registry) {
    return CommandProcessor.builder().handlers(registry, factory).build();
  }

  @Nested
  class Send {

    @Test
    void delivers_the_command_to_its_one_handler() {
      // given
      CommandProcessor processor =
          processor(new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class));

      // when
      processor.send(new AddGreeting(Id.random(), "Ada"));

      // then
      assertThat(greeted).containsExactly("Ada -");
    }

    @Test
    void the_context_bag_given_by_the_caller_reaches_the_handler() {
      // given
      CommandProcessor processor =
          processor(new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class));
      RequestContext context = new RequestContext();
      context.bag().put("tenant", "acme");

      // when
      processor.send(new AddGreeting(Id.random(), "Ada"), context);

      // then
      assertThat(greeted).containsExactly("Ada acme");
    }

    @Test
    void fails_when_no_handler_is_registered_naming_the_command() {
      // given
      CommandProcessor processor = processor(new SubscriberRegistry());

      // when / then
      assertThatThrownBy(() -> processor.send(new Unhandled(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("No handler is registered for command")
          .hasMessageContaining(Unhandled.class.getName());
    }

    @Test
    void fails_when_more_than_one_handler_is_registered_naming_the_command() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .register(AddGreeting.class, AddGreetingHandler.class)
                  .register(AddGreeting.class, SecondAddGreetingHandler.class));

      // when / then
      assertThatThrownBy(() -> processor.send(new AddGreeting(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("More than one handler")
          .hasMessageContaining(AddGreeting.class.getName());
      assertThat(greeted).isEmpty();
    }

    @Test
    void registering_the_same_handler_twice_still_counts_as_one() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .register(AddGreeting.class, AddGreetingHandler.class)
                  .register(AddGreeting.class, AddGreetingHandler.class));

      // when
      processor.send(new AddGreeting(Id.random(), "Ada"));

      // then
      assertThat(greeted).containsExactly("Ada -");
    }

    @Test
    void points_to_send_async_when_only_an_async_handler_exists() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .registerAsync(AddGreeting.class, AddGreetingHandlerAsync.class));

      // when / then
      assertThatThrownBy(() -> processor.send(new AddGreeting(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("use sendAsync");
    }
  }

  @Nested
  class SendAsync {

    @Test
    void delivers_the_command_to_its_async_handler() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .registerAsync(AddGreeting.class, AddGreetingHandlerAsync.class));

      // when
      processor.sendAsync(new AddGreeting(Id.random(), "Grace")).join();

      // then
      assertThat(greeted).containsExactly("Grace");
    }

    @Test
    void fails_the_future_when_no_async_handler_exists() {
      // given
      CommandProcessor processor =
          processor(new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class));

      // when
      CompletableFuture<Void> sent = processor.sendAsync(new AddGreeting(Id.random(), "Ada"));

      // then
      assertThatThrownBy(sent::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("No asynchronous handler")
          .hasMessageContaining("use send");
    }
  }

  @Nested
  class Building {

    @Test
    void needs_handlers() {
      assertThatThrownBy(() -> CommandProcessor.builder().build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("handlers(subscriberRegistry, ...) may not be null");
    }

    @Test
    void rejects_a_registered_class_that_is_not_a_handler() {
      // given
      SubscriberRegistry registry = new SubscriberRegistry();
      @SuppressWarnings({"unchecked", "rawtypes"}) // deliberately defeats the registry's typing
      Class<? extends RequestHandler<AddGreeting>> notAHandler = (Class) String.class;
      registry.register(AddGreeting.class, notAHandler);

      // when / then
      assertThatThrownBy(() -> processor(registry))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("extends neither RequestHandler nor RequestHandlerAsync");
    }
  }
}
