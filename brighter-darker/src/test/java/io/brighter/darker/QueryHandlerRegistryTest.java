package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryHandlerRegistryTest {

  static final class FirstHandler extends QueryHandler<FindGreeting, String> {
    @Override
    public String execute(FindGreeting query) {
      return "first";
    }
  }

  static final class SecondHandler extends QueryHandler<FindGreeting, String> {
    @Override
    public String execute(FindGreeting query) {
      return "second";
    }
  }

  static final class FirstHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.completedFuture("first");
    }
  }

  static final class SecondHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.completedFuture("second");
    }
  }

  @Nested
  class Register {

    @Test
    void rejects_a_second_handler_for_the_same_query() {
      // given
      QueryHandlerRegistry registry =
          new QueryHandlerRegistry().register(FindGreeting.class, FirstHandler.class);

      // when / then
      assertThatThrownBy(() -> registry.register(FindGreeting.class, SecondHandler.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(FindGreeting.class.getName())
          .hasMessageContaining(FirstHandler.class.getName())
          .hasMessageContaining(SecondHandler.class.getName());
      assertThat(registry.handlerFor(FindGreeting.class)).contains(FirstHandler.class);
    }

    @Test
    void accepts_the_same_handler_twice() {
      // given
      QueryHandlerRegistry registry =
          new QueryHandlerRegistry().register(FindGreeting.class, FirstHandler.class);

      // when
      registry.register(FindGreeting.class, FirstHandler.class);

      // then
      assertThat(registry.handlerFor(FindGreeting.class)).contains(FirstHandler.class);
    }

    @Test
    void keeps_synchronous_and_asynchronous_handlers_apart() {
      // given
      QueryHandlerRegistry registry = new QueryHandlerRegistry();

      // when
      registry
          .register(FindGreeting.class, FirstHandler.class)
          .registerAsync(FindGreeting.class, FirstHandlerAsync.class);

      // then
      assertThat(registry.handlerFor(FindGreeting.class)).contains(FirstHandler.class);
      assertThat(registry.asyncHandlerFor(FindGreeting.class)).contains(FirstHandlerAsync.class);
      assertThat(registry.queryTypes()).containsExactly(FindGreeting.class);
    }
  }

  @Nested
  class RegisterAsync {

    @Test
    void rejects_a_second_handler_for_the_same_query() {
      // given
      QueryHandlerRegistry registry =
          new QueryHandlerRegistry().registerAsync(FindGreeting.class, FirstHandlerAsync.class);

      // when / then
      assertThatThrownBy(() -> registry.registerAsync(FindGreeting.class, SecondHandlerAsync.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(SecondHandlerAsync.class.getName());
      assertThat(registry.asyncHandlerFor(FindGreeting.class)).contains(FirstHandlerAsync.class);
    }
  }
}
