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
  DEPOSIT_POST
}
