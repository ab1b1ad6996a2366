package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.handlers.SimpleHandlerFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecoratorPipelineTest {

  static final class TracedHandler extends QueryHandler<FindGreeting, String> {
    @Override
    @Traced.Beta(step = 2)
    @Traced.Gamma(step = 3)
    @Traced.Alpha(step = 1)
    public String execute(FindGreeting query) {
      Trace.of(context()).add("handler");
      return "Hello, " + query.name();
    }
  }

  static final class TracedHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    @Traced.Gamma(step = 30)
    @Traced.Alpha(step = -5)
    @Traced.Beta(step = 7)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      Trace.of(context()).add("handler");
      return CompletableFuture.completedFuture("Hello, " + query.name());
    }
  }

  static final class FailingTracedHandler extends QueryHandler<FindGreeting, String> {
    @Override
    @Traced.Alpha(step = 1)
    public String execute(FindGreeting query) {
      throw new IllegalStateException("repository down");
    }
  }

  static final class GatedHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final CompletableFuture<String> gate;

    GatedHandlerAsync(CompletableFuture<String> gate) {
      this.gate = gate;
    }

    @Override
    @Traced.Alpha(step = 1)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return gate;
    }
  }

  @Nested
  class StepOrder {

    @Test
    void runs_lower_steps_first_and_outermost_in_a_synchronous_pipeline() {
      // given
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry().register(FindGreeting.class, TracedHandler.class),
                  new SimpleHandlerFactory())
              .build();
      QueryContext context = new QueryContext();
      Trace trace = Trace.in(context);

      // when
      String greeting = queries.execute(new FindGreeting("Ada"), context);

      // then
      assertThat(greeting).isEqualTo("Hello, Ada");
      assertThat(trace.entries())
          .containsExactly("Alpha>", "Beta>", "Gamma>", "handler", "<Gamma", "<Beta", "<Alpha");
    }

    @Test
    void runs_lower_steps_first_and_outermost_in_an_asynchronous_pipeline() {
      // given
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry()
                      .registerAsync(FindGreeting.class, TracedHandlerAsync.class),
                  new SimpleHandlerFactory())
              .build();
      QueryContext context = new QueryContext();
      Trace trace = Trace.in(context);

      // when
      String greeting = queries.executeAsync(new FindGreeting("Ada"), context).join();

      // then
      assertThat(greeting).isEqualTo("Hello, Ada");
      assertThat(trace.entries())
          .containsExactly("Alpha>", "Beta>", "Gamma>", "handler", "<Gamma", "<Beta", "<Alpha");
    }
  }

  @Nested
  class Lifetime {

    @Test
    void releases_the_handler_and_every_decorator_after_execute() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry().register(FindGreeting.class, TracedHandler.class),
                  factory)
              .build();
      QueryContext context = new QueryContext();
      Trace.in(context);

      // when
      queries.execute(new FindGreeting("Ada"), context);

      // then
      assertThat(factory.createdTypes())
          .containsExactlyInAnyOrder(
              TracedHandler.class,
              Traced.Decorator.class,
              Traced.Decorator.class,
              Traced.Decorator.class);
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void creates_new_instances_for_every_execution() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry().register(FindGreeting.class, TracedHandler.class),
                  factory)
              .build();
      QueryContext first = new QueryContext();
      Trace.in(first);
      QueryContext second = new QueryContext();
      Trace.in(second);

      // when
      queries.execute(new FindGreeting("Ada"), first);
      queries.execute(new FindGreeting("Grace"), second);

      // then
      assertThat(factory.created()).hasSize(8).doesNotHaveDuplicates();
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void releases_everything_when_the_handler_throws() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry()
                      .register(FindGreeting.class, FailingTracedHandler.class),
                  factory)
              .build();
      QueryContext context = new QueryContext();
      Trace.in(context);

      // when
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada"), context))
          .hasMessage("repository down");

      // then
      assertThat(factory.created()).hasSize(2);
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void releases_the_asynchronous_pipeline_only_when_its_future_completes() {
      // given
      CompletableFuture<String> gate = new CompletableFuture<>();
      RecordingHandlerFactory factory =
          new RecordingHandlerFactory()
              .register(GatedHandlerAsync.class, () -> new GatedHandlerAsync(gate));
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry()
                      .registerAsync(FindGreeting.class, GatedHandlerAsync.class),
                  factory)
              .build();
      QueryContext context = new QueryContext();
      Trace.in(context);
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"), context);
      assertThat(factory.released()).isEmpty();

      // when
      gate.complete("Hello, Ada");

      // then
      assertThat(greeting.join()).isEqualTo("Hello, Ada");
      assertThat(factory.createdTypes())
          .containsExactlyInAnyOrder(GatedHandlerAsync.class, Traced.DecoratorAsync.class);
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void fails_naming_the_decorator_the_factory_cannot_create_and_releases_the_rest() {
      // given
      RecordingHandlerFactory factory =
          new RecordingHandlerFactory()
              .register(
                  Traced.Decorator.class,
                  () -> {
                    throw new IllegalStateException("container refused");
                  });
      QueryProcessor queries =
          QueryProcessor.builder()
              .handlers(
                  new QueryHandlerRegistry().register(FindGreeting.class, TracedHandler.class),
                  factory)
              .build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Traced.Decorator.class.getName())
          .hasMessageContaining(TracedHandler.class.getName())
          .hasRootCauseMessage("container refused");
      assertThat(factory.createdTypes()).containsExactly(TracedHandler.class);
      assertThat(factory.released()).containsExactlyElementsOf(factory.created());
    }
  }
}
