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

class CommandProcessorPublishTest {

  record GreetingAdded(Id id, String name) implements Event {}

  static final List<String> HEARD = new CopyOnWriteArrayList<>();

  abstract static class Listener extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      HEARD.add(getClass().getSimpleName() + ":" + event.name());
      context().bag().put("last", getClass().getSimpleName());
      context().bag().putIfAbsent("seen-by", getClass().getSimpleName());
      return super.handle(event);
    }
  }

  static final class MailListener extends Listener {}

  static final class StatsListener extends Listener {}

  static final class AuditListener extends Listener {}

  static final class FailingListener extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      throw new IllegalStateException("listener down");
    }
  }

  static final class OtherFailingListener extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      throw new IllegalArgumentException("bad listener");
    }
  }

  static final class MailListenerAsync extends RequestHandlerAsync<GreetingAdded> {
    @Override
    public CompletableFuture<GreetingAdded> handleAsync(GreetingAdded event) {
      return CompletableFuture.supplyAsync(
          () -> {
            HEARD.add("MailListenerAsync:" + event.name());
            return event;
          });
    }
  }

  static final class FailingListenerAsync extends RequestHandlerAsync<GreetingAdded> {
    @Override
    public CompletableFuture<GreetingAdded> handleAsync(GreetingAdded event) {
      return CompletableFuture.failedFuture(new IllegalStateException("async listener down"));
    }
  }

  private static CommandProcessor processor(SubscriberRegistry registry) {
    HEARD.clear();
    return CommandProcessor.builder().handlers(registry, new SimpleHandlerFactory()).build();
  }

  @Nested
  class Publish {

    @Test
    void reaches_every_registered_handler() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .register(GreetingAdded.class, MailListener.class)
                  .register(GreetingAdded.class, StatsListener.class)
                  .register(GreetingAdded.class, AuditListener.class));

      // when
      processor.publish(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(HEARD)
          .containsExactly("MailListener:Ada", "StatsListener:Ada", "AuditListener:Ada");
    }

    @Test
    void with_no_handlers_does_nothing() {
      // given
      CommandProcessor processor = processor(new SubscriberRegistry());

      // when
      processor.publish(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(HEARD).isEmpty();
    }

    @Test
    void runs_every_handler_when_some_fail_and_reports_all_failures() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .register(GreetingAdded.class, FailingListener.class)
                  .register(GreetingAdded.class, MailListener.class)
                  .register(GreetingAdded.class, OtherFailingListener.class)
                  .register(GreetingAdded.class, StatsListener.class));

      // when / then
      assertThatThrownBy(() -> processor.publish(new GreetingAdded(Id.random(), "Ada")))
          .isInstanceOfSatisfying(
              PublishFailedException.class,
              failure -> {
                assertThat(failure.failures())
                    .extracting(Throwable::getMessage)
                    .containsExactly("listener down", "bad listener");
                assertThat(failure.getSuppressed()).hasSize(2);
                assertThat(failure).hasMessageStartingWith("2 of 4 handlers failed");
              });
      assertThat(HEARD).containsExactly("MailListener:Ada", "StatsListener:Ada");
    }

    @Test
    void gives_each_handler_its_own_copy_of_the_bag() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .register(GreetingAdded.class, MailListener.class)
                  .register(GreetingAdded.class, StatsListener.class));
      RequestContext context = new RequestContext();
      context.bag().put("tenant", "acme");

      // when
      processor.publish(new GreetingAdded(Id.random(), "Ada"), context);

      // then
      assertThat(context.bag()).containsOnlyKeys("tenant");
    }
  }

  @Nested
  class PublishAsync {

    @Test
    void reaches_every_async_handler() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry().registerAsync(GreetingAdded.class, MailListenerAsync.class));

      // when
      processor.publishAsync(new GreetingAdded(Id.random(), "Ada")).join();

      // then
      assertThat(HEARD).containsExactly("MailListenerAsync:Ada");
    }

    @Test
    void aggregates_failures_after_every_handler_finished() {
      // given
      CommandProcessor processor =
          processor(
              new SubscriberRegistry()
                  .registerAsync(GreetingAdded.class, FailingListenerAsync.class)
                  .registerAsync(GreetingAdded.class, MailListenerAsync.class));

      // when
      CompletableFuture<Void> published =
          processor.publishAsync(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThatThrownBy(published::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              PublishFailedException.class,
              failure ->
                  assertThat(failure.failures())
                      .extracting(Throwable::getMessage)
                      .containsExactly("async listener down"));
      assertThat(HEARD).containsExactly("MailListenerAsync:Ada");
    }

    @Test
    void with_no_handlers_completes_at_once() {
      // given
      CommandProcessor processor = processor(new SubscriberRegistry());

      // when
      CompletableFuture<Void> published =
          processor.publishAsync(new GreetingAdded(Id.random(), "Ada"));

      // then
      assertThat(published).isCompleted();
    }
  }
}
