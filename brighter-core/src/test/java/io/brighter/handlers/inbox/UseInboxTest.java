package io.brighter.handlers.inbox;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.InMemoryInbox;
import io.brighter.inbox.Inbox;
import io.brighter.inbox.OnceOnlyException;
import io.brighter.messaging.ContextBagKeys;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.InMemoryUnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UseInboxTest {

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private static final String CONTEXT = "pings";

  private final InMemoryInbox inbox = new InMemoryInbox();

  /** The ids the target handler handled, in order. */
  private final List<Id> handled = new CopyOnWriteArrayList<>();

  private @Nullable RuntimeException failWith;

  class ThrowingHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true)
    public Ping handle(Ping command) {
      return record(command);
    }
  }

  class WarningHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public Ping handle(Ping command) {
      return record(command);
    }
  }

  /** The ids whose effect the transactional handler committed. */
  private final List<Id> effects = new CopyOnWriteArrayList<>();

  /** Stages its effect in the inbox's transaction, then fails if told to. */
  class TransactionalHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public Ping handle(Ping command) {
      InMemoryUnitOfWork unitOfWork = (InMemoryUnitOfWork) context().transaction().orElseThrow();
      unitOfWork.transaction().onCommit(() -> effects.add(command.id()));
      return record(command);
    }
  }

  /** As {@link TransactionalHandler}, completing its future on another thread. */
  class TransactionalHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      InMemoryUnitOfWork unitOfWork = (InMemoryUnitOfWork) context().transaction().orElseThrow();
      return CompletableFuture.supplyAsync(
          () -> {
            unitOfWork.transaction().onCommit(() -> effects.add(command.id()));
            return record(command);
          });
    }
  }

  class RepeatingHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT)
    public Ping handle(Ping command) {
      return record(command);
    }
  }

  static class BlankKeyHandler extends RequestHandler<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = " ")
    public Ping handle(Ping command) {
      return super.handle(command);
    }
  }

  class ThrowingHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return CompletableFuture.supplyAsync(() -> record(command));
    }
  }

  class WarningHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return CompletableFuture.completedFuture(record(command));
    }
  }

  private Ping record(Ping command) {
    if (failWith != null) {
      throw failWith;
    }
    handled.add(command.id());
    return command;
  }

  private CommandProcessor throwing() {
    return handling(Ping.class, ThrowingHandler.class, ThrowingHandler::new).inbox(inbox).build();
  }

  private CommandProcessor throwingAsync() {
    return handlingAsync(Ping.class, ThrowingHandlerAsync.class, ThrowingHandlerAsync::new)
        .inbox(inbox)
        .build();
  }

  @Nested
  class Send {

    @Test
    void records_the_request_once_it_has_been_handled() {
      // given
      Ping ping = Ping.next();

      // when
      throwing().send(ping);

      // then
      assertThat(handled).containsExactly(ping.id());
      assertThat(inbox.get(ping.id(), CONTEXT, Ping.class)).contains(ping);
    }

    @Test
    void a_duplicate_with_throw_fails_naming_the_request_and_context() {
      // given
      CommandProcessor processor = throwing();
      Ping ping = Ping.next();
      processor.send(ping);

      // when / then
      assertThatThrownBy(() -> processor.send(ping))
          .isInstanceOf(OnceOnlyException.class)
          .hasMessageContaining(Ping.class.getName())
          .hasMessageContaining(ping.id().value())
          .hasMessageContaining(CONTEXT);
      assertThat(handled).containsExactly(ping.id());
    }

    @Test
    void a_duplicate_with_warn_is_skipped_without_failing() {
      // given
      CommandProcessor processor =
          handling(Ping.class, WarningHandler.class, WarningHandler::new).inbox(inbox).build();
      Ping ping = Ping.next();
      processor.send(ping);

      // when
      processor.send(ping);

      // then
      assertThat(handled).containsExactly(ping.id());
    }

    @Test
    void without_once_only_a_duplicate_is_handled_again() {
      // given
      CommandProcessor processor =
          handling(Ping.class, RepeatingHandler.class, RepeatingHandler::new).inbox(inbox).build();
      Ping ping = Ping.next();
      processor.send(ping);

      // when
      processor.send(ping);

      // then
      assertThat(handled).containsExactly(ping.id(), ping.id());
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test
    void a_failing_handler_leaves_no_record_so_a_redelivery_is_handled() {
      // given
      CommandProcessor processor = throwing();
      Ping ping = Ping.next();
      failWith = new IllegalStateException("boom");
      assertThatThrownBy(() -> processor.send(ping)).isSameAs(failWith);

      // when
      failWith = null;
      processor.send(ping);

      // then
      assertThat(handled).containsExactly(ping.id());
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test // #15: a crash between the effect's commit and the record's ran the handler twice
    void the_effect_in_the_inbox_transaction_and_the_record_commit_together() {
      // given
      CommandProcessor processor =
          handling(Ping.class, TransactionalHandler.class, TransactionalHandler::new)
              .inbox(inbox)
              .build();
      Ping ping = Ping.next();

      // when
      processor.send(ping);
      processor.send(ping);

      // then
      assertThat(effects).containsExactly(ping.id());
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test // #15
    void a_failing_handler_rolls_back_its_effect_with_the_record() {
      // given
      CommandProcessor processor =
          handling(Ping.class, TransactionalHandler.class, TransactionalHandler::new)
              .inbox(inbox)
              .build();
      Ping ping = Ping.next();
      failWith = new IllegalStateException("boom");

      // when
      assertThatThrownBy(() -> processor.send(ping)).isSameAs(failWith);

      // then
      assertThat(effects).isEmpty();
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isFalse();
    }

    @Test // #15: a rollback that failed as the database went away hid the transient failure
    void a_failing_rollback_does_not_hide_the_handlers_failure() {
      // given an inbox whose transactions cannot roll back
      InMemoryInbox records = new InMemoryInbox();
      Inbox unreachable =
          new Inbox() {
            @Override
            public void add(Request request, String contextKey) {
              records.add(request, contextKey);
            }

            @Override
            public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
              return records.get(id, contextKey, type);
            }

            @Override
            public boolean exists(Id id, String contextKey, Class<?> type) {
              return records.exists(id, contextKey, type);
            }

            @Override
            public BoxTransactionProvider<?> newTransaction() {
              return new BoxTransactionProvider<Object>() {
                @Override
                public Object transaction() {
                  return this;
                }

                @Override
                public void commit() {}

                @Override
                public void rollback() {
                  throw new IllegalStateException("Connection is closed");
                }

                @Override
                public boolean hasOpenTransaction() {
                  return true;
                }
              };
            }
          };
      CommandProcessor processor =
          handling(Ping.class, ThrowingHandler.class, ThrowingHandler::new)
              .inbox(unreachable)
              .build();
      failWith = new IllegalStateException("the database went away");

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isSameAs(failWith)
          .satisfies(
              thrown ->
                  assertThat(thrown.getSuppressed())
                      .extracting(Throwable::getMessage)
                      .containsExactly("Connection is closed"));
    }

    @Test
    void the_request_id_is_put_in_the_bag_as_causation_id() {
      // given
      Ping ping = Ping.next();
      RequestContext context = new RequestContext();

      // when
      throwing().send(ping, context);

      // then
      assertThat(context.bag()).containsEntry(ContextBagKeys.CAUSATION_ID, ping.id());
    }

    @Test
    void a_causation_id_already_in_the_bag_is_kept() {
      // given
      RequestContext context = new RequestContext();
      context.bag().put(ContextBagKeys.CAUSATION_ID, "upstream");

      // when
      throwing().send(Ping.next(), context);

      // then
      assertThat(context.bag()).containsEntry(ContextBagKeys.CAUSATION_ID, "upstream");
    }
  }

  @Nested
  class Build {

    @Test
    void use_inbox_without_an_inbox_fails_naming_the_handler() {
      // given
      CommandProcessor.Builder builder =
          handling(Ping.class, ThrowingHandler.class, ThrowingHandler::new);

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(ThrowingHandler.class.getName())
          .hasMessageContaining("inbox(");
    }

    @Test
    void a_blank_context_key_fails_naming_the_handler() {
      // given
      CommandProcessor.Builder builder =
          handling(Ping.class, BlankKeyHandler.class, BlankKeyHandler::new).inbox(inbox);

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(BlankKeyHandler.class.getName())
          .hasMessageContaining("contextKey");
    }
  }

  @Nested
  class SendAsync {

    @Test
    void records_the_request_once_it_has_been_handled() {
      // given
      Ping ping = Ping.next();

      // when
      throwingAsync().sendAsync(ping).join();

      // then
      assertThat(handled).containsExactly(ping.id());
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test
    void a_duplicate_with_throw_fails_the_future() {
      // given
      CommandProcessor processor = throwingAsync();
      Ping ping = Ping.next();
      processor.sendAsync(ping).join();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(ping).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(OnceOnlyException.class);
      assertThat(handled).containsExactly(ping.id());
    }

    @Test
    void a_duplicate_with_warn_is_skipped_without_failing() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, WarningHandlerAsync.class, WarningHandlerAsync::new)
              .inbox(inbox)
              .build();
      Ping ping = Ping.next();
      processor.sendAsync(ping).join();

      // when
      processor.sendAsync(ping).join();

      // then
      assertThat(handled).containsExactly(ping.id());
    }

    @Test
    void a_failing_handler_leaves_no_record() {
      // given
      Ping ping = Ping.next();
      failWith = new IllegalStateException("boom");

      // when
      CompletableFuture<Void> result = throwingAsync().sendAsync(ping);

      // then
      assertThatThrownBy(result::join).hasCause(failWith);
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isFalse();
    }

    @Test
    void the_effect_in_the_inbox_transaction_and_the_record_commit_together() {
      // given
      CommandProcessor processor = transactionalAsync();
      Ping ping = Ping.next();

      // when
      processor.sendAsync(ping).join();
      processor.sendAsync(ping).join();

      // then
      assertThat(effects).containsExactly(ping.id());
      assertThat(handled).containsExactly(ping.id());
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test
    void a_failing_handler_rolls_back_its_effect_with_the_record() {
      // given
      CommandProcessor processor = transactionalAsync();
      Ping ping = Ping.next();
      failWith = new IllegalStateException("boom");

      // when
      CompletableFuture<Void> result = processor.sendAsync(ping);

      // then
      assertThatThrownBy(result::join).hasCause(failWith);
      assertThat(effects).isEmpty();
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isFalse();
    }

    private CommandProcessor transactionalAsync() {
      return handlingAsync(
              Ping.class, TransactionalHandlerAsync.class, TransactionalHandlerAsync::new)
          .inbox(inbox)
          .build();
    }
  }
}
