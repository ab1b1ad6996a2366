package io.brighter.actions;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a mapper (or handler) when a message cannot be understood: bad JSON, missing fields, an
 * unknown version. The consumer treats the message as unacceptable: it is rejected to the invalid
 * message channel (or dead letter channel) and counts towards the subscription's unacceptable
 * message limit.
 *
 * {@snippet :
 * if (!json.has("name")) {
 *   throw new InvalidMessageAction("greeting message has no name");
 * }
 * }
 */
public final class InvalidMessageAction extends MessageAction {

  private static final long serialVersionUID = 1L;

  private static final int PRECEDENCE = 4;

  /** With a generic reason. */
  public InvalidMessageAction() {
    super("Message invalid", null);
  }

  /** With {@code reason}, which a consumer records where it can. */
  public InvalidMessageAction(String reason) {
    super(reason, null);
  }

  /** With {@code reason}, caused by {@code cause}. */
  public InvalidMessageAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }

  /** 4: see {@link MessageAction#precedence()}. */
  @Override
  public int precedence() {
    return PRECEDENCE;
  }
}
