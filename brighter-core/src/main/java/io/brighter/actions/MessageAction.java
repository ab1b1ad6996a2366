package io.brighter.actions;

import org.jspecify.annotations.Nullable;

/**
 * What a handler or mapper asks a message pump to do with the message in hand, by throwing it:
 * {@link DeferMessageAction} (requeue), {@link DontAckAction} (give it back as it is), {@link
 * RejectMessageAction} (dead-letter) or {@link InvalidMessageAction} (dead-letter as unacceptable).
 * The set is closed, so a pump settles each kind by an exhaustive switch.
 *
 * <p>When several handlers of one published event throw different actions, the one of lowest {@link
 * #precedence()} decides: defer, then don't-acknowledge, then reject, then invalid.
 */
public abstract sealed class MessageAction extends RuntimeException
    permits DeferMessageAction, DontAckAction, RejectMessageAction, InvalidMessageAction {

  private static final long serialVersionUID = 1L;

  MessageAction(String reason, @Nullable Throwable cause) {
    super(reason, cause);
  }

  /** Which action wins when several handlers of one event ask for different ones: lowest first. */
  public abstract int precedence();
}
