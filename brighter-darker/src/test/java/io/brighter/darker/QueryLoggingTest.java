package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.handlers.SimpleHandlerFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryLoggingTest {

  static final class LoggedHandler extends QueryHandler<FindGreeting, String> {
    @Override
    @QueryLogging(step = 1)
    public String execute(FindGreeting query) {
      if (query.name().isEmpty()) {
        throw new IllegalArgumentException("a greeting needs a name");
      }
      return "Hello, " + query.name();
    }
  }

  static final class LoggedHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    @QueryLogging(step = 1)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      if (query.name().isEmpty()) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException("a greeting needs a name"));
      }
      return CompletableFuture.completedFuture("Hello, " + query.name());
    }
  }

  private final QueryProcessor queries =
      QueryProcessor.builder()
          .handlers(
              new QueryHandlerRegistry()
                  .register(FindGreeting.class, LoggedHandler.class)
                  .registerAsync(FindGreeting.class, LoggedHandlerAsync.class),
              new SimpleHandlerFactory())
          .build();

  @Nested
  class Execute {

    @Test
    void passes_the_result_through() {
      // when
      String greeting = queries.execute(new FindGreeting("Ada"));

      // then
      assertThat(greeting).isEqualTo("Hello, Ada");
    }

    @Test
    void passes_the_failure_through() {
      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a greeting needs a name");
    }
  }

  @Nested
  class ExecuteAsync {

    @Test
    void passes_the_result_through() {
      // when
      String greeting = queries.executeAsync(new FindGreeting("Grace")).join();

      // then
      assertThat(greeting).isEqualTo("Hello, Grace");
    }

    @Test
    void passes_the_failure_through() {
      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting(""));

      // then
      assertThatThrownBy(greeting::join)
          .cause()
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a greeting needs a name");
    }
  }
}
