package io.brighter.messaging;

/**
 * What a message pump does with a message whose handler threw an exception that no handler or
 * middleware dealt with, and that is none of the actions in {@code io.brighter.actions}.
 *
 * <p>A deliberate difference from .NET Brighter, which always acknowledges (drops) such a message:
 * here the default is {@link #REJECT}, so a failure is never lost silently.
 *
 * {@snippet :
 * Subscription.builder().unhandledExceptionAction(UnhandledExceptionAction.DEFER) // ...
 * }
 */
public enum UnhandledExceptionAction {
  /**
   * Dead-letter the message, with the exception in its rejection reason; but requeue it, as {@link
   * #DEFER} does, when the failure is {@linkplain io.brighter.BrighterException#isTransient
   * transient} (a database or broker away for a while), so a passing outage dead-letters nothing.
   * The default.
   */
  REJECT,
  /**
   * Requeue the message after the subscription's requeue delay, within its requeue count; once the
   * count is reached, dead-letter it.
   */
  DEFER,
  /** Acknowledge the message and log the exception, as .NET Brighter does. */
  ACKNOWLEDGE
}
