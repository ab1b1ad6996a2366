package io.brighter.testing;

/** How a request reached a {@link SpyCommandProcessor}. */
public enum RequestKind {
  /** {@code send}. */
  SEND,
  /** {@code sendAsync}. */
  SEND_ASYNC,
  /** {@code publish}. */
  PUBLISH,
  /** {@code publishAsync}. */
  PUBLISH_ASYNC,
  /** {@code post} or {@code postAsync}. */
  POST,
  /** {@code depositPost} or {@code depositPostAsync}, with or without a transaction. */
  DEPOSIT_POST,
  /** {@code send} with a delay or a due time. */
  SCHEDULED_SEND,
  /** {@code publish} with a delay or a due time. */
  SCHEDULED_PUBLISH,
  /** {@code post} with a delay or a due time. */
  SCHEDULED_POST,
  /** {@code call}. */
  CALL
}
