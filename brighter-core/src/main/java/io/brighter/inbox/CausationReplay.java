package io.brighter.inbox;

import io.brighter.Id;

/**
 * Sends again the outbox messages that handling one request caused: what a once-only inbox with
 * {@code OnceOnlyAction.REPLAY} does when a request arrives twice, so that messages lost after the
 * first handling still reach the broker.
 *
 * <p>The command processor makes one when it has an external bus and places it in every {@link
 * io.brighter.RequestContext} it prepares; the inbox middleware finds it there. It looks the
 * messages up with {@link io.brighter.outbox.Outbox#messagesCausedBy} and clears them (sends them
 * and marks them dispatched).
 *
 * {@snippet :
 * context.causationReplay().ifPresent(replay -> replay.replay(command.id()));
 * }
 */
@FunctionalInterface
public interface CausationReplay {

  /**
   * Sends again every stored message deposited while handling the request whose causation id is
   * {@code causationId}.
   *
   * @return how many messages were sent
   */
  int replay(Id causationId);
}
