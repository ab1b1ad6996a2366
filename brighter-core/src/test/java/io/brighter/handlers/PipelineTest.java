package io.brighter.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PipelineTest {

  record Ping(Id id) implements Command {}

  static final class OrderedHandler extends RequestHandler<Ping> {
    @Override
    @Trace(step = 3)
    @Trace2(step = 1)
    @Trace3(step = 2, timing = HandlerTiming.AFTER)
    @Trace4(step = 1, timing = HandlerTiming.AFTER)
    public Ping handle(Ping ping) {
      Journal.record(context(), "target");
      return super.handle(ping);
    }
  }

  static final class StoppingHandler extends RequestHandler<Ping> {
    @Override
    @Trace(step = 1)
    @Trace3(step = 1, timing = HandlerTiming.AFTER)
    public Ping handle(Ping ping) {
      Journal.record(context(), "target");
      return ping;
    }
  }

  static final class FailingHandler extends RequestHandler<Ping> {
    @Override
    @Trace(step = 1)
    @Trace3(step = 1, timing = HandlerTiming.AFTER)
    public Ping handle(Ping ping) {
      Journal.record(context(), "target");
      throw new IllegalStateException("boom");
    }
  }

  static final class PreparedOnceHandler extends RequestHandler<Ping> {
    @Override
    @Prepared(step = 1, label = "audit")
    public Ping handle(Ping ping) {
      return super.handle(ping);
    }
  }

  static final class AsyncHandlerWithSyncOnlyMiddleware extends RequestHandlerAsync<Ping> {
    @Override
    @SyncOnly(step = 1)
    public CompletableFuture<Ping> handleAsync(Ping ping) {
      return super.handleAsync(ping);
    }
  }

  static final class OrderedHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @Trace(step = 2)
    @Trace2(step = 1)
    @Trace3(step = 1, timing = HandlerTiming.AFTER)
    public CompletableFuture<Ping> handleAsync(Ping ping) {
      Journal.record(context(), "target");
      return super.handleAsync(ping);
    }
  }

  static final class FailingHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @Trace(step = 1)
    public CompletableFuture<Ping> handleAsync(Ping ping) {
      return CompletableFuture.failedFuture(new IllegalStateException("async boom"));
    }
  }

  private static CommandProcessor processorFor(
      Class<? extends RequestHandler<Ping>> handler, HandlerFactory factory) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry().register(Ping.class, handler), factory)
        .build();
  }

  private static CommandProcessor asyncProcessorFor(
      Class<? extends RequestHandlerAsync<Ping>> handler, HandlerFactory factory) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry().registerAsync(Ping.class, handler), factory)
        .build();
  }

  @Nested
  class Order {

    @Test
    void lower_steps_run_first_and_after_handlers_follow_the_target() {
      // given
      Journal journal = new Journal();
      CommandProcessor processor = processorFor(OrderedHandler.class, new SimpleHandlerFactory());

      // when
      processor.send(new Ping(Id.random()), Journal.newContext(journal));

      // then
      assertThat(journal.entries())
          .containsExactly("trace2:1", "trace:3", "target", "trace4:1", "trace3:2");
    }

    @Test
    void the_pipeline_description_lists_handlers_outermost_first() {
      assertThat(PipelineBuilder.describe(OrderedHandler.class))
          .isEqualTo(
              "TraceHandler(step 1) -> TraceHandler(step 3) -> OrderedHandler"
                  + " -> TraceHandler(step 1) -> TraceHandler(step 2)");
    }

    @Test
    void async_pipelines_keep_the_same_order() {
      // given
      Journal journal = new Journal();
      CommandProcessor processor =
          asyncProcessorFor(OrderedHandlerAsync.class, new SimpleHandlerFactory());

      // when
      processor.sendAsync(new Ping(Id.random()), Journal.newContext(journal)).join();

      // then
      assertThat(journal.entries()).containsExactly("trace2:1", "trace:2", "target", "trace3:1");
    }
  }

  @Nested
  class Termination {

    @Test
    void a_handler_that_does_not_pass_the_request_on_ends_the_pipeline() {
      // given
      Journal journal = new Journal();
      CommandProcessor processor = processorFor(StoppingHandler.class, new SimpleHandlerFactory());

      // when
      processor.send(new Ping(Id.random()), Journal.newContext(journal));

      // then
      assertThat(journal.entries()).containsExactly("trace:1", "target");
    }

    @Test
    void an_exception_ends_the_pipeline_and_reaches_the_caller_unchanged() {
      // given
      Journal journal = new Journal();
      CommandProcessor processor = processorFor(FailingHandler.class, new SimpleHandlerFactory());

      // when / then
      assertThatThrownBy(() -> processor.send(new Ping(Id.random()), Journal.newContext(journal)))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("boom");
      assertThat(journal.entries()).containsExactly("trace:1", "target");
    }

    @Test
    void an_async_failure_completes_the_future_exceptionally_with_the_cause() {
      // given
      CommandProcessor processor =
          asyncProcessorFor(FailingHandlerAsync.class, new SimpleHandlerFactory());

      // when
      CompletableFuture<Void> sent = processor.sendAsync(new Ping(Id.random()));

      // then
      assertThatThrownBy(sent::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("async boom");
    }
  }

  @Nested
  class MixedPipelines {

    @Test
    void an_async_handler_with_a_sync_only_middleware_is_rejected_when_the_processor_is_built() {
      // given
      SubscriberRegistry registry =
          new SubscriberRegistry()
              .registerAsync(Ping.class, AsyncHandlerWithSyncOnlyMiddleware.class);

      // when / then
      assertThatThrownBy(
              () ->
                  CommandProcessor.builder().handlers(registry, new SimpleHandlerFactory()).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("@SyncOnly")
          .hasMessageContaining(AsyncHandlerWithSyncOnlyMiddleware.class.getName())
          .hasMessageContaining("cannot mix synchronous and asynchronous");
    }

    @Test
    void a_sync_handler_cannot_run_in_an_async_pipeline() {
      // given
      PipelineBuilder pipelines = new PipelineBuilder(new SimpleHandlerFactory());

      // when
      CompletableFuture<Ping> run =
          pipelines.runAsync(OrderedHandler.class, new Ping(Id.random()), new RequestContext());

      // then
      assertThatThrownBy(run::join)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("synchronous handler and cannot run in an asynchronous pipeline");
    }
  }

  @Nested
  class MiddlewareSettings {

    @Test
    void prepared_settings_are_computed_once_and_given_to_every_new_instance() {
      // given
      PreparedHandler.PREPARATIONS.set(0);
      Journal journal = new Journal();
      CommandProcessor processor =
          processorFor(PreparedOnceHandler.class, new SimpleHandlerFactory());

      // when
      processor.send(new Ping(Id.random()), Journal.newContext(journal));
      processor.send(new Ping(Id.random()), Journal.newContext(journal));

      // then
      assertThat(PreparedHandler.PREPARATIONS).hasValue(1);
      assertThat(journal.entries())
          .containsExactly(
              "prepared:audit@PreparedOnceHandler", "prepared:audit@PreparedOnceHandler");
    }
  }

  @Nested
  class Lifetime {

    @Test
    void every_handler_created_for_a_run_is_released_after_it() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      CommandProcessor processor = processorFor(OrderedHandler.class, factory);

      // when
      processor.send(new Ping(Id.random()));

      // then
      assertThat(factory.created()).hasSize(5);
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void handlers_are_released_when_the_handler_fails() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      CommandProcessor processor = processorFor(FailingHandler.class, factory);

      // when
      assertThatThrownBy(() -> processor.send(new Ping(Id.random())))
          .isInstanceOf(IllegalStateException.class);

      // then
      assertThat(factory.created()).hasSize(3);
      assertThat(factory.released()).containsExactlyInAnyOrderElementsOf(factory.created());
    }

    @Test
    void the_factory_is_asked_once_per_type_how_to_make_it_then_makes_one_per_run() {
      // given
      List<Class<?>> resolved = new CopyOnWriteArrayList<>();
      AtomicInteger made = new AtomicInteger();
      SimpleHandlerFactory simple = new SimpleHandlerFactory();
      HandlerFactory counting =
          new HandlerFactory() {
            @Override
            public Object create(Class<?> handlerType) {
              return simple.create(handlerType);
            }

            @Override
            public Supplier<?> creatorFor(Class<?> handlerType) {
              resolved.add(handlerType);
              return () -> {
                made.incrementAndGet();
                return simple.create(handlerType);
              };
            }
          };
      CommandProcessor processor = processorFor(StoppingHandler.class, counting);

      // when
      processor.send(new Ping(Id.random()));
      processor.send(new Ping(Id.random()));

      // then
      assertThat(resolved)
          .containsExactlyInAnyOrder(StoppingHandler.class, TraceHandler.class, TraceHandler.class);
      assertThat(made).hasValue(6);
    }

    @Test
    void each_run_gets_new_handler_instances() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      CommandProcessor processor = processorFor(StoppingHandler.class, factory);

      // when
      processor.send(new Ping(Id.random()));
      processor.send(new Ping(Id.random()));

      // then
      assertThat(factory.created()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void async_handlers_are_released_once_the_future_completes() {
      // given
      RecordingHandlerFactory factory = new RecordingHandlerFactory();
      CompletableFuture<Ping> gate = new CompletableFuture<>();
      factory.delegate().register(GatedHandlerAsync.class, () -> new GatedHandlerAsync(gate));
      CommandProcessor processor =
          CommandProcessor.builder()
              .handlers(
                  new SubscriberRegistry().registerAsync(Ping.class, GatedHandlerAsync.class),
                  factory)
              .build();

      // when
      CompletableFuture<Void> sent = processor.sendAsync(new Ping(Id.random()));

      // then
      assertThat(factory.created()).hasSize(1);
      assertThat(factory.released()).isEmpty();
      gate.complete(new Ping(Id.random()));
      sent.join();
      assertThat(factory.released()).containsExactlyElementsOf(factory.created());
    }
  }

  static final class GatedHandlerAsync extends RequestHandlerAsync<Ping> {
    private final CompletableFuture<Ping> gate;

    GatedHandlerAsync(CompletableFuture<Ping> gate) {
      this.gate = gate;
    }

    @Override
    public CompletableFuture<Ping> handleAsync(Ping ping) {
      return gate;
    }
  }

  @Nested
  class BuildFailures {

    @Test
    void a_factory_that_returns_null_is_a_configuration_error() {
      // given
      CommandProcessor processor = processorFor(OrderedHandler.class, type -> null);

      // when / then
      assertThatThrownBy(() -> processor.send(new Ping(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("returned null");
    }

    @Test
    void a_factory_failure_is_wrapped_in_a_configuration_error_naming_the_handler() {
      // given
      HandlerFactory broken =
          type -> {
            throw new IllegalArgumentException("container says no");
          };
      CommandProcessor processor = processorFor(OrderedHandler.class, broken);

      // when / then
      assertThatThrownBy(() -> processor.send(new Ping(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(OrderedHandler.class.getName())
          .hasRootCauseMessage("container says no");
    }

    @Test
    void a_factory_returning_the_wrong_kind_of_object_is_a_configuration_error() {
      // given
      CommandProcessor processor = processorFor(OrderedHandler.class, type -> "not a handler");

      // when / then
      assertThatThrownBy(() -> processor.send(new Ping(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("which is not a RequestHandler");
    }
  }
}
