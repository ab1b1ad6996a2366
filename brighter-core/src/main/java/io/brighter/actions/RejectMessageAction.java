package io.brighter.actions;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a handler or mapper to ask the consumer to reject the message: it is not retried and
 * goes to the subscription's dead letter channel, carrying the reason.
 *
 * {@snippet :
 * if (order.isCancelled()) {
 *   throw new RejectMessageAction("order " + order.id() + " was cancelled");
 * }
 * }
 */
public class RejectMessageAction extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a generic reason. */
  public RejectMessageAction() {
    super("Message rejected");
  }

  /** With {@code reason}, which a consumer records where it can. */
  public RejectMessageAction(String reason) {
    super(reason);
  }

  /** With {@code reason}, caused by {@code cause}. */
  public RejectMessageAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }
}
