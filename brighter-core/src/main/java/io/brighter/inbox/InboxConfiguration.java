package io.brighter.inbox;

import static java.util.Objects.requireNonNull;

import io.brighter.handlers.OnceOnlyAction;
import java.util.function.Function;

/**
 * The global inbox: given to {@code CommandProcessor.builder().inbox(InboxConfiguration)}, it puts
 * the inbox middleware outermost in every pipeline that has no {@link
 * io.brighter.handlers.UseInbox} of its own and no {@link io.brighter.handlers.NoGlobalInbox}.
 *
 * {@snippet :
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscriberRegistry, handlerFactory)
 *     .inbox(InboxConfiguration.of(new InMemoryInbox())
 *         .withOnceOnlyAction(OnceOnlyAction.WARN)
 *         .withContextKey(handler -> handler.getSimpleName()))
 *     .build();
 * }
 *
 * @param inbox where handled requests are recorded
 * @param onceOnly whether a request recorded before is stopped
 * @param onceOnlyAction what to do with such a request
 * @param contextKey the context key for each handler class; must return a non-blank key
 */
public record InboxConfiguration(
    Inbox inbox,
    boolean onceOnly,
    OnceOnlyAction onceOnlyAction,
    Function<Class<?>, String> contextKey) {

  /** Checks every part is present. */
  public InboxConfiguration {
    requireNonNull(inbox, "inbox must not be null");
    requireNonNull(onceOnlyAction, "onceOnlyAction must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
  }

  /** Once only, throwing on a duplicate, keyed by the handler's class name: the .NET defaults. */
  public static InboxConfiguration of(Inbox inbox) {
    return new InboxConfiguration(inbox, true, OnceOnlyAction.THROW, Class::getName);
  }

  /** This configuration with {@code once} as the once-only switch. */
  public InboxConfiguration withOnceOnly(boolean once) {
    return new InboxConfiguration(inbox, once, onceOnlyAction, contextKey);
  }

  /** This configuration meeting duplicates with {@code action}. */
  public InboxConfiguration withOnceOnlyAction(OnceOnlyAction action) {
    return new InboxConfiguration(inbox, onceOnly, action, contextKey);
  }

  /** This configuration naming each handler's context with {@code strategy}. */
  public InboxConfiguration withContextKey(Function<Class<?>, String> strategy) {
    return new InboxConfiguration(inbox, onceOnly, onceOnlyAction, strategy);
  }
}
