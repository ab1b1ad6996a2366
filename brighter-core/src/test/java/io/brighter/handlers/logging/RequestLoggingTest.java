package io.brighter.handlers.logging;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.PipelineBuilder;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.RequestLogging;
import io.brighter.handlers.SimpleHandlerFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestLoggingTest {

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private final List<Ping> seen = new CopyOnWriteArrayList<>();
  private final RuntimeException failure = new IllegalStateException("handler failed");
  private final Ping reply = new Ping(Id.of("reply"));

  /** What the handlers return for the request; unless a test says otherwise, the request. */
  private UnaryOperator<Ping> work = UnaryOperator.identity();

  @Nested
  class Send {

    @Test
    void the_request_reaches_the_handler_unchanged() {
      // given
      CommandProcessor processor =
          handling(Ping.class, LoggedHandler.class, LoggedHandler::new).build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);

      // then
      assertThat(seen).singleElement().isSameAs(ping);
    }

    @Test
    void the_pipeline_returns_what_the_handler_returned() {
      // given
      work = command -> reply;
      PipelineBuilder pipelines =
          new PipelineBuilder(
              new SimpleHandlerFactory().register(LoggedHandler.class, LoggedHandler::new));

      // when
      Ping handled = pipelines.run(LoggedHandler.class, Ping.next(), new RequestContext());

      // then
      assertThat(handled).isSameAs(reply);
    }

    @Test
    void an_exception_from_the_handler_is_rethrown_unchanged() {
      // given
      work =
          command -> {
            throw failure;
          };
      CommandProcessor processor =
          handling(Ping.class, LoggedHandler.class, LoggedHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isSameAs(failure);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void the_request_reaches_the_handler_unchanged() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, LoggedHandlerAsync.class, LoggedHandlerAsync::new).build();
      Ping ping = Ping.next();

      // when
      processor.sendAsync(ping).join();

      // then
      assertThat(seen).singleElement().isSameAs(ping);
    }

    @Test
    void the_pipeline_returns_what_the_handler_returned() {
      // given
      work = command -> reply;
      PipelineBuilder pipelines =
          new PipelineBuilder(
              new SimpleHandlerFactory()
                  .register(LoggedHandlerAsync.class, LoggedHandlerAsync::new));

      // when
      Ping handled =
          pipelines.runAsync(LoggedHandlerAsync.class, Ping.next(), new RequestContext()).join();

      // then
      assertThat(handled).isSameAs(reply);
    }

    @Test
    void an_exception_from_the_handler_is_passed_on_unchanged() {
      // given
      work =
          command -> {
            throw failure;
          };
      CommandProcessor processor =
          handlingAsync(Ping.class, LoggedHandlerAsync.class, LoggedHandlerAsync::new).build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(failure);
    }
  }

  // The handlers are inner classes: they record into, and do the work of, the running test.

  final class LoggedHandler extends RequestHandler<Ping> {
    @Override
    @RequestLogging(step = 1)
    public Ping handle(Ping command) {
      seen.add(command);
      return work.apply(command);
    }
  }

  /** Completes with what the work returns, or fails its future with what the work throws. */
  final class LoggedHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @RequestLogging(step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      seen.add(command);
      return CompletableFuture.supplyAsync(() -> work.apply(command));
    }
  }
}
