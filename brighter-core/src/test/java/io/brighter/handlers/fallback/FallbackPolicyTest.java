package io.brighter.handlers.fallback;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.FallbackPolicy;
import io.brighter.handlers.Middleware;
import io.brighter.handlers.PipelineBuilder;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FallbackPolicyTest {

  private static final String BREAKER = "breaker";

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  /** What the handlers did, in order; a fallback records the cause it found in the bag. */
  private final List<Object> calls = new CopyOnWriteArrayList<>();

  private final RuntimeException failure = new IllegalStateException("handler failed");
  private final Ping fallbackResult = new Ping(Id.of("from-fallback"));

  private final CircuitBreaker breaker = CircuitBreaker.ofDefaults(BREAKER);
  private final ResiliencePipelineRegistry registry =
      new ResiliencePipelineRegistry().register(BREAKER, breaker);

  @Nested
  class Send {

    @Test
    void a_backstop_runs_the_fallback_instead_of_failing() {
      // given
      CommandProcessor processor =
          handling(Ping.class, BackstopHandler.class, BackstopHandler::new).build();
      RequestContext context = new RequestContext();

      // when
      processor.send(Ping.next(), context);

      // then
      assertThat(calls).containsExactly("handle", "fallback", failure);
      assertThat(context.bag()).containsEntry(FallbackPolicy.CAUSE_KEY, failure);
    }

    @Test
    void the_pipeline_returns_what_the_fallback_returned() {
      // given
      PipelineBuilder pipelines =
          new PipelineBuilder(
              new SimpleHandlerFactory().register(BackstopHandler.class, BackstopHandler::new));

      // when
      Ping handled = pipelines.run(BackstopHandler.class, Ping.next(), new RequestContext());

      // then
      assertThat(handled).isSameAs(fallbackResult);
    }

    @Test
    void a_circuit_breaker_policy_lets_other_exceptions_through() {
      // given
      CommandProcessor processor =
          handling(Ping.class, CircuitOnlyHandler.class, CircuitOnlyHandler::new)
              .resilience(registry)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isSameAs(failure);
      assertThat(calls).containsExactly("handle");
    }

    @Test
    void a_circuit_breaker_policy_falls_back_when_the_circuit_is_open() {
      // given
      CommandProcessor processor =
          handling(Ping.class, CircuitOnlyHandler.class, CircuitOnlyHandler::new)
              .resilience(registry)
              .build();
      breaker.transitionToOpenState();

      // when
      processor.send(Ping.next());

      // then
      assertThat(calls).hasSize(2).startsWith("fallback");
      assertThat(calls.get(1)).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void a_policy_with_neither_flag_lets_exceptions_through() {
      // given
      CommandProcessor processor =
          handling(Ping.class, InertPolicyHandler.class, InertPolicyHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isSameAs(failure);
      assertThat(calls).containsExactly("handle");
    }

    @Test
    void the_fallback_runs_down_the_chain_of_handlers_below_the_policy() {
      // given
      SimpleHandlerFactory factory =
          new SimpleHandlerFactory()
              .register(ChainHandler.class, ChainHandler::new)
              .register(CompensatingMiddleware.class, CompensatingMiddleware::new);
      CommandProcessor processor = handling(Ping.class, ChainHandler.class, factory).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(calls)
          .containsExactly(
              "middleware handle", "handle", "middleware fallback", "fallback", failure);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void a_backstop_runs_the_fallback_instead_of_failing() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, BackstopHandlerAsync.class, BackstopHandlerAsync::new).build();
      RequestContext context = new RequestContext();

      // when
      processor.sendAsync(Ping.next(), context).join();

      // then
      assertThat(calls).containsExactly("handle", "fallback", failure);
      assertThat(context.bag()).containsEntry(FallbackPolicy.CAUSE_KEY, failure);
    }

    @Test
    void the_pipeline_returns_what_the_fallback_returned() {
      // given
      PipelineBuilder pipelines =
          new PipelineBuilder(
              new SimpleHandlerFactory()
                  .register(BackstopHandlerAsync.class, BackstopHandlerAsync::new));

      // when
      Ping handled =
          pipelines.runAsync(BackstopHandlerAsync.class, Ping.next(), new RequestContext()).join();

      // then
      assertThat(handled).isSameAs(fallbackResult);
    }

    @Test
    void a_circuit_breaker_policy_lets_other_exceptions_through() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, CircuitOnlyHandlerAsync.class, CircuitOnlyHandlerAsync::new)
              .resilience(registry)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(failure);
      assertThat(calls).containsExactly("handle");
    }

    @Test
    void a_circuit_breaker_policy_falls_back_when_the_circuit_is_open() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, CircuitOnlyHandlerAsync.class, CircuitOnlyHandlerAsync::new)
              .resilience(registry)
              .build();
      breaker.transitionToOpenState();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(calls).hasSize(2).startsWith("fallback");
      assertThat(calls.get(1)).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void the_fallback_runs_down_the_chain_of_handlers_below_the_policy() {
      // given
      SimpleHandlerFactory factory =
          new SimpleHandlerFactory()
              .register(ChainHandlerAsync.class, ChainHandlerAsync::new)
              .register(CompensatingMiddlewareAsync.class, CompensatingMiddlewareAsync::new);
      CommandProcessor processor =
          handlingAsync(Ping.class, ChainHandlerAsync.class, factory).build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(calls)
          .containsExactly(
              "middleware handle", "handle", "middleware fallback", "fallback", failure);
    }
  }

  /**
   * A test middleware that takes part in the fallback chain. Deliberately not public: a middleware
   * annotation need not be.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @Middleware(
      handler = CompensatingMiddleware.class,
      asyncHandler = CompensatingMiddlewareAsync.class)
  @interface Compensating {
    int step();
  }

  // The handlers are inner classes: each records into the calls field of the running test.

  final class CompensatingMiddleware extends RequestHandler<Ping> {
    @Override
    public Ping handle(Ping command) {
      calls.add("middleware handle");
      return super.handle(command);
    }

    @Override
    public Ping fallback(Ping command) {
      calls.add("middleware fallback");
      return super.fallback(command);
    }
  }

  final class CompensatingMiddlewareAsync extends RequestHandlerAsync<Ping> {
    @Override
    public CompletableFuture<Ping> handleAsync(Ping command) {
      calls.add("middleware handle");
      return super.handleAsync(command);
    }

    @Override
    public CompletableFuture<Ping> fallbackAsync(Ping command) {
      calls.add("middleware fallback");
      return super.fallbackAsync(command);
    }
  }

  /** Records "handle" and fails; its fallback records "fallback" and the cause in the bag. */
  abstract class FailingHandler extends RequestHandler<Ping> {
    Ping fail() {
      calls.add("handle");
      throw failure;
    }

    @Override
    public Ping fallback(Ping command) {
      recordFallback(context());
      return super.fallback(command);
    }
  }

  final class BackstopHandler extends FailingHandler {
    @Override
    @FallbackPolicy(backstop = true, step = 1)
    public Ping handle(Ping command) {
      return fail();
    }

    @Override
    public Ping fallback(Ping command) {
      super.fallback(command);
      return fallbackResult;
    }
  }

  final class CircuitOnlyHandler extends FailingHandler {
    @Override
    @FallbackPolicy(backstop = false, circuitBreaker = true, step = 1)
    @UseResiliencePipeline(policy = BREAKER, step = 2)
    public Ping handle(Ping command) {
      return fail();
    }
  }

  final class InertPolicyHandler extends FailingHandler {
    @Override
    @FallbackPolicy(backstop = false, step = 1)
    public Ping handle(Ping command) {
      return fail();
    }
  }

  final class ChainHandler extends FailingHandler {
    @Override
    @FallbackPolicy(backstop = true, step = 1)
    @Compensating(step = 2)
    public Ping handle(Ping command) {
      return fail();
    }
  }

  /** The asynchronous twin of {@link FailingHandler}. */
  abstract class FailingHandlerAsync extends RequestHandlerAsync<Ping> {
    CompletableFuture<Ping> fail() {
      calls.add("handle");
      return CompletableFuture.failedFuture(failure);
    }

    @Override
    public CompletableFuture<Ping> fallbackAsync(Ping command) {
      recordFallback(context());
      return super.fallbackAsync(command);
    }
  }

  final class BackstopHandlerAsync extends FailingHandlerAsync {
    @Override
    @FallbackPolicy(backstop = true, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return fail();
    }

    @Override
    public CompletableFuture<Ping> fallbackAsync(Ping command) {
      return super.fallbackAsync(command).thenApply(ignored -> fallbackResult);
    }
  }

  final class CircuitOnlyHandlerAsync extends FailingHandlerAsync {
    @Override
    @FallbackPolicy(backstop = false, circuitBreaker = true, step = 1)
    @UseResiliencePipeline(policy = BREAKER, step = 2)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return fail();
    }
  }

  final class ChainHandlerAsync extends FailingHandlerAsync {
    @Override
    @FallbackPolicy(backstop = true, step = 1)
    @Compensating(step = 2)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return fail();
    }
  }

  private void recordFallback(RequestContext context) {
    calls.add("fallback");
    Object cause = context.bag().get(FallbackPolicy.CAUSE_KEY);
    if (cause != null) {
      calls.add(cause);
    }
  }
}
