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
public class DontAckAction extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a generic reason. */
  public DontAckAction() {
    super("Message not acknowledged");
  }

  /** With {@code reason}, which a consumer records where it can. */
  public DontAckAction(String reason) {
    super(reason);
  }

  /** With {@code reason}, caused by {@code cause}. */
  public DontAckAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }
}
