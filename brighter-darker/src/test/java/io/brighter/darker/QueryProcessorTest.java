package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryProcessorTest {

  static final class GreetingHandler extends QueryHandler<FindGreeting, String> {
    @Override
    public String execute(FindGreeting query) {
      return "Hello, " + query.name() + context().bag().getOrDefault("suffix", "");
    }
  }

  static final class GreetingHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.completedFuture(
          "Hello async, " + query.name() + context().bag().getOrDefault("suffix", ""));
    }
  }

  static final class FailingHandler extends QueryHandler<FindGreeting, String> {
    private final RuntimeException failure;

    FailingHandler(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String execute(FindGreeting query) {
      throw failure;
    }
  }

  static final class FailingHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final RuntimeException failure;

    FailingHandlerAsync(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  static final class ThrowingHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final RuntimeException failure;

    ThrowingHandlerAsync(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      throw failure;
    }
  }

  static final class ResilienceProbe extends QueryHandler<FindGreeting, String> {
    @Override
    public String execute(FindGreeting query) {
      return context().resiliencePipelines().map(r -> "registry").orElse("none");
    }
  }

  static final class AsyncOnlyDecorated extends QueryHandler<FindGreeting, String> {
    @Override
    @Traced.AsyncOnly(step = 1)
    public String execute(FindGreeting query) {
      return query.name();
    }
  }

  static final class SyncOnlyDecoratedAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    @Traced.SyncOnly(step = 1)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.completedFuture(query.name());
    }
  }

  private static QueryProcessor processor(QueryHandlerRegistry registry) {
    return QueryProcessor.builder().handlers(registry, new SimpleHandlerFactory()).build();
  }

  @Nested
  class Execute {

    @Test
    void returns_the_result_of_the_registered_handler() {
      // given
      QueryProcessor queries =
          processor(new QueryHandlerRegistry().register(FindGreeting.class, GreetingHandler.class));

      // when
      String greeting = queries.execute(new FindGreeting("Ada"));

      // then
      assertThat(greeting).isEqualTo("Hello, Ada");
    }

    @Test
    void gives_the_handler_the_context_the_caller_passed() {
      // given
      QueryProcessor queries =
          processor(new QueryHandlerRegistry().register(FindGreeting.class, GreetingHandler.class));
      QueryContext context = new QueryContext();
      context.bag().put("suffix", "!");

      // when
      String greeting = queries.execute(new FindGreeting("Ada"), context);

      // then
      assertThat(greeting).isEqualTo("Hello, Ada!");
    }

    @Test
    void gives_the_context_the_processors_resilience_registry() {
      // given
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry().register(FindGreeting.class, ResilienceProbe.class),
                  new SimpleHandlerFactory())
              .resilience(new ResiliencePipelineRegistry())
              .build();

      // when
      String seen = queries.execute(new FindGreeting("Ada"));

      // then
      assertThat(seen).isEqualTo("registry");
    }

    @Test
    void rethrows_the_handlers_exception_unchanged() {
      // given
      IllegalArgumentException failure = new IllegalArgumentException("no such greeting");
      QueryProcessor queries =
          Processors.handling(FailingHandler.class, () -> new FailingHandler(failure)).build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada"))).isSameAs(failure);
    }

    @Test
    void fails_naming_the_query_when_no_handler_is_registered() {
      // given
      QueryProcessor queries = processor(new QueryHandlerRegistry());

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(FindGreeting.class.getName())
          .hasMessageContaining("register one with QueryHandlerRegistry.register")
          .hasMessageNotContaining("asynchronous handler is registered");
    }

    @Test
    void points_to_executeAsync_when_only_an_asynchronous_handler_is_registered() {
      // given
      QueryProcessor queries =
          processor(
              new QueryHandlerRegistry()
                  .registerAsync(FindGreeting.class, GreetingHandlerAsync.class));

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(FindGreeting.class.getName())
          .hasMessageContaining("an asynchronous handler is registered: use executeAsync");
    }
  }

  @Nested
  class ExecuteAsync {

    @Test
    void completes_with_the_result_of_the_registered_handler() {
      // given
      QueryProcessor queries =
          processor(
              new QueryHandlerRegistry()
                  .registerAsync(FindGreeting.class, GreetingHandlerAsync.class));
      QueryContext context = new QueryContext();
      context.bag().put("suffix", "?");

      // when
      String greeting = queries.executeAsync(new FindGreeting("Ada"), context).join();

      // then
      assertThat(greeting).isEqualTo("Hello async, Ada?");
    }

    @Test
    void fails_with_the_handlers_exception_as_the_cause() {
      // given
      IllegalArgumentException failure = new IllegalArgumentException("no such greeting");
      QueryProcessor queries =
          Processors.handlingAsync(
                  FailingHandlerAsync.class, () -> new FailingHandlerAsync(failure))
              .build();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void turns_a_handler_that_throws_into_a_failed_future() {
      // given
      IllegalStateException failure = new IllegalStateException("thrown, not returned");
      QueryProcessor queries =
          Processors.handlingAsync(
                  ThrowingHandlerAsync.class, () -> new ThrowingHandlerAsync(failure))
              .build();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void fails_naming_the_query_when_no_handler_is_registered() {
      // given
      QueryProcessor queries = processor(new QueryHandlerRegistry());

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(FindGreeting.class.getName())
          .hasMessageContaining("register one with QueryHandlerRegistry.registerAsync");
    }

    @Test
    void points_to_execute_when_only_a_synchronous_handler_is_registered() {
      // given
      QueryProcessor queries =
          processor(new QueryHandlerRegistry().register(FindGreeting.class, GreetingHandler.class));

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(FindGreeting.class.getName())
          .hasMessageContaining("a synchronous handler is registered: use execute");
    }
  }

  @Nested
  class Build {

    @Test
    void fails_with_the_property_path_when_handlers_are_missing() {
      // given
      QueryProcessor.Builder builder = QueryProcessor.builder();

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("QueryProcessor.builder().handlers(registry, ...)");
    }

    @Test
    void rejects_a_synchronous_handler_with_an_asynchronous_only_decorator() {
      // given
      QueryHandlerRegistry registry =
          new QueryHandlerRegistry().register(FindGreeting.class, AsyncOnlyDecorated.class);

      // when / then
      assertThatThrownBy(() -> processor(registry))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("@AsyncOnly")
          .hasMessageContaining(AsyncOnlyDecorated.class.getName())
          .hasMessageContaining("cannot mix synchronous and asynchronous");
    }

    @Test
    void rejects_an_asynchronous_handler_with_a_synchronous_only_decorator() {
      // given
      QueryHandlerRegistry registry =
          new QueryHandlerRegistry()
              .registerAsync(FindGreeting.class, SyncOnlyDecoratedAsync.class);

      // when / then
      assertThatThrownBy(() -> processor(registry))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("@SyncOnly")
          .hasMessageContaining(SyncOnlyDecoratedAsync.class.getName())
          .hasMessageContaining("cannot mix synchronous and asynchronous");
    }
  }
}
