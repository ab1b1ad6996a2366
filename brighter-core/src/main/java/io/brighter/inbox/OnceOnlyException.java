package io.brighter.inbox;

import io.brighter.Id;
import io.brighter.NonTransientException;
import io.brighter.Request;

/**
 * Thrown by a once-only inbox ({@code @UseInbox(onceOnly = true, onceOnlyAction = THROW)} or the
 * global inbox) when a request it has already recorded arrives again. A message pump treats it as
 * any handler failure; pair it with {@code @RejectMessageOnError} to drop duplicates.
 *
 * {@snippet :
 * try {
 *   commandProcessor.send(duplicate);
 * } catch (OnceOnlyException e) {
 *   log.info("{} {} was already handled in {}", e.requestType(), e.requestId(), e.contextKey());
 * }
 * }
 */
public final class OnceOnlyException extends NonTransientException {

  private static final long serialVersionUID = 1L;

  private final String requestType;
  private final String requestId;
  private final String contextKey;

  private OnceOnlyException(String requestType, Id requestId, String contextKey) {
    super(
        requestType
            + " with id "
            + requestId
            + " has already been handled in context '"
            + contextKey
            + "'",
        null);
    this.requestType = requestType;
    this.requestId = requestId.value();
    this.contextKey = contextKey;
  }

  /** The exception for {@code request}, seen before in {@code contextKey}. */
  public static OnceOnlyException alreadyHandled(Request request, String contextKey) {
    return new OnceOnlyException(request.getClass().getName(), request.id(), contextKey);
  }

  /** The class name of the duplicate request. */
  public String requestType() {
    return requestType;
  }

  /** The id of the duplicate request. */
  public Id requestId() {
    return Id.of(requestId);
  }

  /** The context in which the request was handled before. */
  public String contextKey() {
    return contextKey;
  }
}
