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
  PUBLISH_ASYNC
}
