package io.brighter.azure.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The messages of one entity that can be received from: a queue, a topic's subscription, or the
 * dead-letter sub-queue of either. Messages wait in sequence order, are locked for the lock
 * duration when received in peek-lock mode, and come back with their delivery count raised when
 * abandoned or when their lock expires; at the maximum delivery count they move to the dead-letter
 * sub-queue with the reason {@code MaxDeliveryCountExceeded}. Guarded by the {@link
 * ServiceBusNamespace}'s lock.
 */
final class MessageStore {

  /** Why a message's lock could not be used: it expired or was never this store's. */
  static final class LockLostException extends Exception {
    private static final long serialVersionUID = 1L;

    LockLostException(UUID token) {
      this("The lock " + token + " is not held: it expired or its message was settled");
    }

    LockLostException(String message) {
      super(message);
    }
  }

  final String path;
  EntitySettings settings;
  private final @Nullable MessageStore deadLetters;
  private final LongSupplier sequenceNumbers;
  private final TreeMap<Long, BusMessage> ready = new TreeMap<>();
  private final TreeMap<Long, BusMessage> scheduled = new TreeMap<>();
  private final Map<UUID, BusMessage> locked = new HashMap<>();
  private final Map<Long, BusMessage> deferred = new HashMap<>();
  private final Map<String, SessionLock> sessionLocks = new HashMap<>();
  private final Map<String, byte[]> sessionStates = new HashMap<>();

  /** Who holds a session, and until when. */
  private static final class SessionLock {
    final Object owner;
    Instant lockedUntil;

    SessionLock(Object owner, Instant lockedUntil) {
      this.owner = owner;
      this.lockedUntil = lockedUntil;
    }
  }

  /** Why a session could not be locked: another receiver holds it. */
  static final class SessionLockedException extends Exception {
    private static final long serialVersionUID = 1L;

    SessionLockedException(String session) {
      super("The session '" + session + "' is locked by another receiver");
    }
  }

  MessageStore(
      String path, EntitySettings settings, boolean withDeadLetters, LongSupplier sequenceNumbers) {
    this.path = path;
    this.settings = settings;
    this.sequenceNumbers = sequenceNumbers;
    this.deadLetters =
        withDeadLetters
            ? new MessageStore(
                path + "/$deadletterqueue", EntitySettings.DEFAULT, false, sequenceNumbers)
            : null;
  }

  /**
   * Locks a session for {@code owner}: {@code wanted}, or when null the session of the first
   * waiting message that no one holds. The lock lasts the lock duration, renewed by {@link
   * #renewSession}, and ends with {@link #releaseSession}.
   *
   * @return the session locked, or null when no session is free
   * @throws SessionLockedException when {@code wanted} is held by another
   */
  @Nullable String lockSession(@Nullable String wanted, Object owner, Instant now)
      throws SessionLockedException {
    sessionLocks.values().removeIf(lock -> !lock.lockedUntil.isAfter(now));
    String session = wanted;
    if (session == null) {
      for (BusMessage message : ready.values()) {
        if (message.sessionId != null && !sessionLocks.containsKey(message.sessionId)) {
          session = message.sessionId;
          break;
        }
      }
      if (session == null) {
        return null;
      }
    } else if (sessionLocks.containsKey(session) && sessionLocks.get(session).owner != owner) {
      throw new SessionLockedException(session);
    }
    sessionLocks.put(session, new SessionLock(owner, now.plus(settings.lockDuration())));
    return session;
  }

  /** Until when {@code owner} holds {@code session}; null when it does not. */
  @Nullable Instant sessionLockedUntil(String session, Object owner, Instant now) {
    SessionLock lock = sessionLocks.get(session);
    return lock == null || lock.owner != owner || !lock.lockedUntil.isAfter(now)
        ? null
        : lock.lockedUntil;
  }

  /** Extends the lock of {@code session} by the lock duration from now. */
  Instant renewSession(String session, Instant now) throws LockLostException {
    SessionLock lock = sessionLocks.get(session);
    if (lock == null || !lock.lockedUntil.isAfter(now)) {
      throw new LockLostException(
          "The lock of session '" + session + "' is not held: it expired or was released");
    }
    lock.lockedUntil = now.plus(settings.lockDuration());
    return lock.lockedUntil;
  }

  /** Ends {@code owner}'s lock of {@code session}, if it holds it. */
  void releaseSession(String session, Object owner) {
    SessionLock lock = sessionLocks.get(session);
    if (lock != null && lock.owner == owner) {
      sessionLocks.remove(session);
    }
  }

  /** The state a receiver kept for {@code session}, or null. */
  byte @Nullable [] sessionState(String session) {
    return sessionStates.get(session);
  }

  /** Keeps {@code state} for {@code session}; null clears it. */
  void sessionState(String session, byte @Nullable [] state) {
    if (state == null) {
      sessionStates.remove(session);
    } else {
      sessionStates.put(session, state);
    }
  }

  /** The dead-letter sub-queue, or null for a dead-letter sub-queue itself. */
  @Nullable MessageStore deadLetters() {
    return deadLetters;
  }

  /** Takes in a message with its sequence number: waiting for its scheduled time, or ready. */
  void enqueue(
      byte[] encoded,
      @Nullable String messageId,
      @Nullable String sessionId,
      long sequenceNumber,
      @Nullable Instant scheduledFor,
      Instant now) {
    BusMessage message = new BusMessage(encoded, messageId, sessionId, sequenceNumber, now);
    if (scheduledFor != null && scheduledFor.isAfter(now)) {
      message.scheduledFor = scheduledFor;
      scheduled.put(message.sequenceNumber, message);
    } else {
      ready.put(message.sequenceNumber, message);
    }
  }

  private void take(BusMessage original, Instant now) {
    BusMessage copy = original.copy(sequenceNumbers.getAsLong(), now);
    ready.put(copy.sequenceNumber, copy);
  }

  /** Whether a message waits to be received, of {@code session} when not null. */
  boolean hasReady(@Nullable String session) {
    return next(session) != null;
  }

  private @Nullable BusMessage next(@Nullable String session) {
    if (session == null) {
      return ready.isEmpty() ? null : ready.firstEntry().getValue();
    }
    for (BusMessage message : ready.values()) {
      if (session.equals(message.sessionId)) {
        return message;
      }
    }
    return null;
  }

  /** The first waiting message (of {@code session} when not null), locked until it is settled. */
  @Nullable BusMessage lock(@Nullable String session, Instant now) {
    BusMessage message = next(session);
    if (message == null) {
      return null;
    }
    ready.remove(message.sequenceNumber);
    message.lockToken = UUID.randomUUID();
    message.lockedUntil = now.plus(settings.lockDuration());
    locked.put(message.lockToken, message);
    return message;
  }

  /** The first waiting message (of {@code session} when not null), removed at once. */
  @Nullable BusMessage remove(@Nullable String session) {
    BusMessage message = next(session);
    if (message != null) {
      ready.remove(message.sequenceNumber);
    }
    return message;
  }

  private BusMessage held(UUID token, Instant now) throws LockLostException {
    BusMessage message = locked.get(token);
    if (message == null || !message.lockedUntil.isAfter(now)) {
      throw new LockLostException(token);
    }
    return message;
  }

  /** Settles a locked message as done. */
  void complete(UUID token, Instant now) throws LockLostException {
    held(token, now);
    locked.remove(token);
  }

  /** Gives a locked message back, its delivery count raised and {@code properties} set on it. */
  void abandon(UUID token, Map<String, Object> properties, Instant now) throws LockLostException {
    BusMessage message = held(token, now);
    locked.remove(token);
    message.modifiedProperties.putAll(properties);
    redeliver(message, now);
  }

  /** Gives a locked message back as it was: the receiver never looked at it (AMQP released). */
  void release(UUID token, Instant now) throws LockLostException {
    BusMessage message = held(token, now);
    locked.remove(token);
    message.lockToken = null;
    ready.put(message.sequenceNumber, message);
  }

  /**
   * Moves a locked message to the dead-letter sub-queue with a reason and description, and {@code
   * properties} set on it.
   */
  void deadLetter(
      UUID token,
      @Nullable String reason,
      @Nullable String description,
      Map<String, Object> properties,
      Instant now)
      throws LockLostException {
    BusMessage message = held(token, now);
    locked.remove(token);
    message.modifiedProperties.putAll(properties);
    deadLetter(message, reason, description, now);
  }

  /** Sets a locked message aside, to be received only by its sequence number. */
  void defer(UUID token, Instant now) throws LockLostException {
    BusMessage message = held(token, now);
    locked.remove(token);
    message.lockToken = null;
    deferred.put(message.sequenceNumber, message);
  }

  /** Extends a lock by the lock duration from now; returns the new expiry. */
  Instant renew(UUID token, Instant now) throws LockLostException {
    BusMessage message = held(token, now);
    message.lockedUntil = now.plus(settings.lockDuration());
    return message.lockedUntil;
  }

  /** Removes a scheduled message before its time; false when there is none. */
  boolean cancelScheduled(long sequenceNumber) {
    return scheduled.remove(sequenceNumber) != null;
  }

  /** Up to {@code count} messages from {@code fromSequenceNumber} on, left where they are. */
  List<BusMessage> peek(long fromSequenceNumber, int count) {
    TreeMap<Long, BusMessage> all = new TreeMap<>(ready);
    locked.values().forEach(message -> all.put(message.sequenceNumber, message));
    all.putAll(deferred);
    all.putAll(scheduled);
    List<BusMessage> page = new ArrayList<>();
    for (BusMessage message : all.tailMap(fromSequenceNumber, true).values()) {
      if (page.size() == count) {
        break;
      }
      page.add(message);
    }
    return page;
  }

  /**
   * Makes due scheduled messages ready and takes back the messages whose lock expired.
   *
   * @return whether any message became ready
   */
  boolean tick(Instant now) {
    boolean changed = false;
    for (Iterator<BusMessage> due = scheduled.values().iterator(); due.hasNext(); ) {
      BusMessage message = due.next();
      if (message.scheduledFor != null && !message.scheduledFor.isAfter(now)) {
        due.remove();
        message.scheduledFor = null;
        message.enqueuedAt = now;
        ready.put(message.sequenceNumber, message);
        changed = true;
      }
    }
    List<BusMessage> expired = new ArrayList<>();
    for (BusMessage message : locked.values()) {
      if (!message.lockedUntil.isAfter(now)) {
        expired.add(message);
      }
    }
    for (BusMessage message : expired) {
      locked.remove(message.lockToken);
      redeliver(message, now);
      changed = true;
    }
    return changed;
  }

  /** The number of messages that can be received now. */
  int activeCount() {
    return ready.size() + locked.size();
  }

  /** The number of messages waiting for their scheduled time. */
  int scheduledCount() {
    return scheduled.size();
  }

  private void redeliver(BusMessage message, Instant now) {
    message.lockToken = null;
    message.deliveryCount++;
    if (deadLetters != null && message.deliveryCount >= settings.maxDeliveryCount()) {
      deadLetter(
          message,
          "MaxDeliveryCountExceeded",
          "Message could not be consumed after "
              + settings.maxDeliveryCount()
              + " delivery attempts.",
          now);
    } else {
      ready.put(message.sequenceNumber, message);
    }
  }

  private void deadLetter(
      BusMessage message, @Nullable String reason, @Nullable String description, Instant now) {
    message.lockToken = null;
    if (deadLetters == null) {
      ready.put(message.sequenceNumber, message); // a dead letter stays a dead letter
      return;
    }
    message.deadLetterReason = reason;
    message.deadLetterDescription = description;
    message.deadLetterSource = path;
    deadLetters.take(message, now);
  }

  /** The settings an entity is made with. */
  record EntitySettings(Duration lockDuration, int maxDeliveryCount, boolean requiresSession) {
    static final EntitySettings DEFAULT = new EntitySettings(Duration.ofMinutes(1), 10, false);
  }
}
