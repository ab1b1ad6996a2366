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
public final class RejectMessageAction extends MessageAction {

  private static final long serialVersionUID = 1L;

  private static final int PRECEDENCE = 3;

  /** With a generic reason. */
  public RejectMessageAction() {
    super("Message rejected", null);
  }

  /** With {@code reason}, which a consumer records where it can. */
  public RejectMessageAction(String reason) {
    super(reason, null);
  }

  /** With {@code reason}, caused by {@code cause}. */
  public RejectMessageAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }

  /** 3: see {@link MessageAction#precedence()}. */
  @Override
  public int precedence() {
    return PRECEDENCE;
  }
}
