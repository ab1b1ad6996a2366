package io.brighter.handlers;

import io.brighter.handlers.inbox.UseInboxHandler;
import io.brighter.handlers.inbox.UseInboxHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each request in the command processor's {@link io.brighter.inbox.Inbox} once the rest of
 * the pipeline has handled it, and with {@code onceOnly = true} stops a request recorded before
 * from being handled again.
 *
 * <ul>
 *   <li>The request is recorded under ({@code id}, {@link #contextKey()}) only after the rest of
 *       the pipeline succeeds: a failing handler leaves no record, so a redelivery is handled
 *       again.
 *   <li>With {@code onceOnly}, a request already recorded is met by {@link #onceOnlyAction()}:
 *       {@code THROW} fails with {@link io.brighter.inbox.OnceOnlyException}, {@code WARN} logs and
 *       returns the request, {@code REPLAY} sends again the outbox messages the first handling
 *       posted and returns the request.
 *   <li>The request's id goes into the context bag under {@link
 *       io.brighter.messaging.ContextBagKeys#CAUSATION_ID} (unless a value is there already), and
 *       every message posted with that context carries it, which is how {@code REPLAY} finds them.
 * </ul>
 *
 * <p>The inbox comes from {@code CommandProcessor.builder().inbox(...)}; a handler carrying this
 * annotation on a processor without one, or a blank context key, is a {@link
 * io.brighter.ConfigurationException} when the processor is built.
 *
 * {@snippet :
 * @Override
 * @UseInbox(step = 0, contextKey = "greetings", onceOnly = true)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = UseInboxHandler.class, asyncHandler = UseInboxHandlerAsync.class)
public @interface UseInbox {

  /** Position in the pipeline: lower runs first. Usually the outermost. */
  int step();

  /** Names this handling in the inbox, usually after the handler; must not be blank. */
  String contextKey();

  /** Whether a request recorded before is stopped; when false it is handled again. */
  boolean onceOnly() default false;

  /** What to do with a request recorded before, when {@link #onceOnly()}. */
  OnceOnlyAction onceOnlyAction() default OnceOnlyAction.THROW;

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
