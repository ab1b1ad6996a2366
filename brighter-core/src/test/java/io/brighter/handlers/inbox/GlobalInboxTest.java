package io.brighter.handlers.inbox;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.handlers.NoGlobalInbox;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.InMemoryInbox;
import io.brighter.inbox.InboxConfiguration;
import io.brighter.inbox.OnceOnlyException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GlobalInboxTest {

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private final InMemoryInbox inbox = new InMemoryInbox();
  private final InboxConfiguration global = InboxConfiguration.of(inbox);
  private final List<Id> handled = new CopyOnWriteArrayList<>();

  class PlainHandler extends RequestHandler<Ping> {
    @Override
    public Ping handle(Ping command) {
      handled.add(command.id());
      return command;
    }
  }

  @NoGlobalInbox
  class OptedOutHandler extends RequestHandler<Ping> {
    @Override
    public Ping handle(Ping command) {
      handled.add(command.id());
      return command;
    }
  }

  class OptedOutMethodHandler extends RequestHandler<Ping> {
    @Override
    @NoGlobalInbox
    public Ping handle(Ping command) {
      handled.add(command.id());
      return command;
    }
  }

  class OwnInboxHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 1, contextKey = "own", onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public Ping handle(Ping command) {
      handled.add(command.id());
      return command;
    }
  }

  class PlainHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    public CompletableFuture<Ping> handleAsync(Ping command) {
      handled.add(command.id());
      return CompletableFuture.completedFuture(command);
    }
  }

  @Nested
  class Send {

    @Test
    void a_pipeline_without_an_inbox_gets_the_global_one_keyed_by_handler_class_name() {
      // given
      CommandProcessor processor =
          handling(Ping.class, PlainHandler.class, PlainHandler::new).inbox(global).build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);

      // then
      assertThat(inbox.exists(ping.id(), PlainHandler.class.getName(), Ping.class)).isTrue();
      assertThatThrownBy(() -> processor.send(ping)).isInstanceOf(OnceOnlyException.class);
      assertThat(handled).containsExactly(ping.id());
    }

    @Test
    void no_global_inbox_on_the_class_opts_out() {
      // given
      CommandProcessor processor =
          handling(Ping.class, OptedOutHandler.class, OptedOutHandler::new).inbox(global).build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);
      processor.send(ping);

      // then
      assertThat(handled).containsExactly(ping.id(), ping.id());
      assertThat(inbox.size()).isZero();
    }

    @Test
    void no_global_inbox_on_the_handle_method_opts_out() {
      // given
      CommandProcessor processor =
          handling(Ping.class, OptedOutMethodHandler.class, OptedOutMethodHandler::new)
              .inbox(global)
              .build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(inbox.size()).isZero();
    }

    @Test
    void an_explicit_use_inbox_wins_over_the_global_one() {
      // given
      CommandProcessor processor =
          handling(Ping.class, OwnInboxHandler.class, OwnInboxHandler::new).inbox(global).build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);
      processor.send(ping);

      // then: the annotation's WARN applies, not the global THROW, and only its key is recorded
      assertThat(handled).containsExactly(ping.id());
      assertThat(inbox.exists(ping.id(), "own", Ping.class)).isTrue();
      assertThat(inbox.exists(ping.id(), OwnInboxHandler.class.getName(), Ping.class)).isFalse();
    }

    @Test
    void the_context_key_strategy_names_each_handlers_context() {
      // given
      CommandProcessor processor =
          handling(Ping.class, PlainHandler.class, PlainHandler::new)
              .inbox(global.withContextKey(type -> "ctx-" + type.getSimpleName()))
              .build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);

      // then
      assertThat(inbox.exists(ping.id(), "ctx-PlainHandler", Ping.class)).isTrue();
    }

    @Test
    void the_configured_action_and_once_only_switch_apply() {
      // given
      CommandProcessor processor =
          handling(Ping.class, PlainHandler.class, PlainHandler::new)
              .inbox(global.withOnceOnly(false))
              .build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);
      processor.send(ping);

      // then
      assertThat(handled).containsExactly(ping.id(), ping.id());
    }

    @Test
    void a_blank_context_key_from_the_strategy_fails_the_build() {
      // given
      CommandProcessor.Builder builder =
          handling(Ping.class, PlainHandler.class, PlainHandler::new)
              .inbox(global.withContextKey(type -> ""));

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(PlainHandler.class.getName());
    }

    @Test
    void a_plain_inbox_adds_no_global_middleware() {
      // given
      CommandProcessor processor =
          handling(Ping.class, PlainHandler.class, PlainHandler::new).inbox(inbox).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(inbox.size()).isZero();
    }
  }

  @Nested
  class SendAsync {

    @Test
    void an_asynchronous_pipeline_gets_the_global_inbox() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, PlainHandlerAsync.class, PlainHandlerAsync::new)
              .inbox(global.withOnceOnlyAction(OnceOnlyAction.THROW))
              .build();
      Ping ping = Ping.next();
      processor.sendAsync(ping).join();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(ping).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(OnceOnlyException.class);
      assertThat(inbox.exists(ping.id(), PlainHandlerAsync.class.getName(), Ping.class)).isTrue();
      assertThat(handled).containsExactly(ping.id());
    }
  }
}
