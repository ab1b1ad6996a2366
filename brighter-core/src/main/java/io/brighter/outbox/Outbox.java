package io.brighter.outbox;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stores messages until they have been sent: the heart of guaranteed at-least-once delivery. A
 * message is added inside the caller's transaction, sent later, then marked dispatched; a sweeper
 * sends whatever stays outstanding.
 *
 * <p>Rules every back end follows (the test kit's {@code OutboxContract} checks them):
 *
 * <ul>
 *   <li>Adding a message whose id is already stored is ignored, not an error, so retried deposits
 *       are harmless.
 *   <li>Every header field and the body round-trip unchanged.
 *   <li>{@link #get(Id)} of an unknown id returns a message of type {@code NONE}, never null.
 *   <li>Outstanding and dispatched listings are ordered oldest first.
 *   <li>With a transaction provider, the add becomes visible when the caller commits and never if
 *       it rolls back.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface Outbox {

  /**
   * Stores {@code message}, inside {@code transaction} when one is given.
   *
   * @throws io.brighter.ConfigurationException when the back end cannot use that provider type
   */
  default void add(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    add(List.of(requireNonNull(message, "message must not be null")), context, transaction);
  }

  /** Stores every message of {@code messages} as one write, inside {@code transaction} if given. */
  void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction);

  /** The message with {@code id}, or a message of type {@code NONE} when there is none. */
  default Message get(Id id) {
    List<Message> found = get(List.of(requireNonNull(id, "id must not be null")));
    return found.isEmpty() ? Message.none(id) : found.getFirst();
  }

  /** The stored messages among {@code ids}; unknown ids are left out. */
  List<Message> get(List<Id> ids);

  /** Records that the message with {@code id} was sent at {@code dispatchedAt}. */
  void markDispatched(Id id, Instant dispatchedAt);

  /** Records that every message of {@code ids} was sent at {@code dispatchedAt}. */
  default void markDispatched(List<Id> ids, Instant dispatchedAt) {
    ids.forEach(id -> markDispatched(id, dispatchedAt));
  }

  /**
   * Up to {@code pageSize} messages not yet dispatched and stored at least {@code minimumAge} ago,
   * oldest first.
   */
  List<Message> outstandingMessages(Duration minimumAge, int pageSize);

  /**
   * Like {@link #outstandingMessages}, but claims the messages for {@code lease} so that other
   * sweepers of the same store skip them until the lease ends or they are dispatched. Back ends
   * that cannot claim return the outstanding messages unclaimed, the default.
   *
   * @since 0.1.0
   */
  default List<Message> claimOutstanding(Duration minimumAge, int pageSize, Duration lease) {
    return outstandingMessages(minimumAge, pageSize);
  }

  /**
   * Like {@link #claimOutstanding(Duration, int, Duration)}, but claims no message whose topic is
   * among {@code excludedTopics}: the sweeper leaves out topics whose sends fail for a while, and
   * their backlog must not fill the page that healthy topics wait behind. The default claims a page
   * and gives back the claims of the excluded messages, so a back end that claims should override
   * it to filter in its query.
   *
   * @since 0.2
   */
  default List<Message> claimOutstanding(
      Duration minimumAge, int pageSize, Duration lease, Set<RoutingKey> excludedTopics) {
    List<Message> claimed = claimOutstanding(minimumAge, pageSize, lease);
    if (excludedTopics.isEmpty()) {
      return claimed;
    }
    List<Message> kept = new ArrayList<>(claimed.size());
    List<Id> excluded = new ArrayList<>();
    for (Message message : claimed) {
      if (excludedTopics.contains(message.header().topic())) {
        excluded.add(message.id());
      } else {
        kept.add(message);
      }
    }
    if (!excluded.isEmpty()) {
      releaseClaims(excluded);
    }
    return List.copyOf(kept);
  }

  /**
   * Gives back the claims on the messages with {@code ids}, so that the next claim may take them at
   * once instead of after the lease: for messages a sweep claimed and then did not send (their send
   * failed, or their topic is left out for now). Unknown and unclaimed ids are ignored. The default
   * does nothing, which suits a back end that cannot claim.
   *
   * @since 0.2
   */
  default void releaseClaims(List<Id> ids) {}

  /**
   * Stores {@code messages} to be sent at {@code dueAt}, inside {@code transaction} when one is
   * given: a durable delay. Until they are due, {@link #outstandingMessages}, the claims and {@link
   * #outstandingCount} pass them over; from then on they are outstanding like any other message, in
   * the order of their timestamps, and a sweep sends them. Unlike {@link #add}, a stored message
   * with the same id, dispatched or not, is replaced: a message this outbox sent may be scheduled
   * again (a delayed requeue of a message that came back). The default refuses, for a back end that
   * cannot hold scheduled messages.
   *
   * @throws UnsupportedOperationException when the back end cannot hold scheduled messages
   * @since 0.2
   */
  default void schedule(
      List<Message> messages,
      Instant dueAt,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot hold scheduled messages");
  }

  /**
   * Moves the scheduled message {@code id} to {@code dueAt}.
   *
   * @return false when no message with that id waits to be due: unknown, never scheduled, or due
   *     already (a sweep may be sending it)
   * @throws UnsupportedOperationException when the back end cannot hold scheduled messages
   * @since 0.2
   */
  default boolean reschedule(Id id, Instant dueAt) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot hold scheduled messages");
  }

  /**
   * Deletes the scheduled message {@code id}, so it is never sent.
   *
   * @return false when no message with that id waits to be due: unknown, never scheduled, or due
   *     already (a sweep may be sending it)
   * @throws UnsupportedOperationException when the back end cannot hold scheduled messages
   * @since 0.2
   */
  default boolean cancelScheduled(Id id) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot hold scheduled messages");
  }

  /**
   * Every stored message whose header bag holds {@link
   * io.brighter.messaging.HeaderNames#CAUSATION_ID} equal to {@code causationId}'s text, dispatched
   * or not, oldest first: the messages posted while handling that request, which {@code
   * OnceOnlyAction.REPLAY} sends again. The default finds none, so a back end that does not
   * override it replays nothing; back ends should override it.
   *
   * @since 0.1.0
   */
  default List<Message> messagesCausedBy(Id causationId) {
    return List.of();
  }

  /** Up to {@code pageSize} messages dispatched at least {@code age} ago, oldest first. */
  List<Message> dispatchedMessages(Duration age, int pageSize);

  /** Deletes the messages with {@code ids}; unknown ids are ignored. */
  void delete(List<Id> ids);

  /** How many messages are not yet dispatched. */
  long outstandingCount();
}
