package io.brighter;

/**
 * Something a handler acts on: a {@link Command} for exactly one handler or an {@link Event} for
 * any number of them. Every request carries an {@link Id} that follows it through pipelines,
 * outboxes and inboxes.
 *
 * <p>Write requests as records:
 *
 * {@snippet :
 * record AddGreeting(Id id, String name, String greeting) implements Command {}
 * }
 */
public interface Request {

  /** The identity of this request, unique per request instance. */
  Id id();
}
