package io.brighter.actions;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a handler to ask the consumer to neither acknowledge nor reject the message, so it
 * stays on (or returns to) its channel and is delivered again. Used when a handler cannot work now
 * but the message is good, for example while a feature is switched off.
 *
 * {@snippet :
 * throw new DontAckAction("downstream service is in maintenance");
 * }
 */
public final class DontAckAction extends MessageAction {

  private static final long serialVersionUID = 1L;

  private static final int PRECEDENCE = 2;

  /** With a generic reason. */
  public DontAckAction() {
    super("Message not acknowledged", null);
  }

  /** With {@code reason}, which a consumer records where it can. */
  public DontAckAction(String reason) {
    super(reason, null);
  }

  /** With {@code reason}, caused by {@code cause}. */
  public DontAckAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }

  /** 2: see {@link MessageAction#precedence()}. */
  @Override
  public int precedence() {
    return PRECEDENCE;
  }
}
