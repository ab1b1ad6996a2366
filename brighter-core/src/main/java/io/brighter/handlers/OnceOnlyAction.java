package io.brighter.handlers;

/**
 * What a once-only inbox does when a request it has already recorded arrives again.
 *
 * {@snippet :
 * @Override
 * @UseInbox(step = 0, contextKey = "greetings", onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 */
public enum OnceOnlyAction {
  /** Fail with {@link io.brighter.inbox.OnceOnlyException}. */
  THROW,
  /** Log a warning and return the request without running the rest of the pipeline. */
  WARN,
  /**
   * Send again the outbox messages the first handling deposited (found by causation id, see {@link
   * io.brighter.inbox.CausationReplay}), then return the request without running the rest of the
   * pipeline.
   */
  REPLAY
}
