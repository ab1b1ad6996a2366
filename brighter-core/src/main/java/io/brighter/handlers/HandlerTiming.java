package io.brighter.handlers;

/**
 * Where a middleware annotation places its handler relative to the target handler.
 *
 * <ul>
 *   <li>{@link #BEFORE}: the middleware wraps the target; it runs first and sees the target's
 *       result or exception.
 *   <li>{@link #AFTER}: the middleware runs after the target, and only when the target passes the
 *       request on with {@code super.handle(request)}.
 * </ul>
 */
public enum HandlerTiming {
  /** Wraps the target handler. */
  BEFORE,
  /** Runs after the target handler passes the request on. */
  AFTER
}
