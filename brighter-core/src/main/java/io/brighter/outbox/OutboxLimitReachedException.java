package io.brighter.outbox;

import io.brighter.TransientException;

/**
 * The outbox holds more undispatched messages than the configured limit, so a new deposit is
 * refused to stop an unreachable broker from filling the store without end. The producer mediator
 * throws it before adding when its (periodically refreshed) outstanding count is over the limit;
 * retry once the sweeper has caught up.
 *
 * {@snippet :
 * try {
 *   commandProcessor.depositPost(new GreetingAdded(Id.random(), "Ada"));
 * } catch (OutboxLimitReachedException e) {
 *   log.warn("{} messages wait to be sent, the limit is {}", e.outstanding(), e.limit());
 * }
 * }
 */
public final class OutboxLimitReachedException extends TransientException {

  private static final long serialVersionUID = 1L;

  private final long outstanding;
  private final int limit;

  private OutboxLimitReachedException(String message, long outstanding, int limit) {
    super(message, null);
    this.outstanding = outstanding;
    this.limit = limit;
  }

  /** {@code outstanding} messages wait to be dispatched, more than the allowed {@code limit}. */
  public static OutboxLimitReachedException of(long outstanding, int limit) {
    return new OutboxLimitReachedException(
        "The outbox limit of "
            + limit
            + " has been exceeded: "
            + outstanding
            + " messages are outstanding",
        outstanding,
        limit);
  }

  /** How many messages were outstanding when the deposit was refused. */
  public long outstanding() {
    return outstanding;
  }

  /** The most outstanding messages allowed. */
  public int limit() {
    return limit;
  }
}
