package io.brighter.outbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.internal.OutboxQueries;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} held in memory: for tests, samples and services that accept losing unsent
 * messages when the process stops. The {@link OutboxAsync} methods do the work at once and return
 * completed futures.
 *
 * {@snippet :
 * InMemoryOutbox outbox = new InMemoryOutbox();
 * outbox.add(message, new RequestContext(), null);
 * List<Message> toSend = outbox.outstandingMessages(Duration.ofSeconds(5), 100);
 * outbox.markDispatched(message.id(), Instant.now());
 * }
 *
 * <p>A message's age is measured from its header timestamp, as the relational stores do; a
 * dispatched message's age from the {@code dispatchedAt} given to {@link #markDispatched}. "Now"
 * comes from the {@link Clock}. Listings are oldest first, ties in the order the messages were
 * added. {@link #claimOutstanding} really claims: a claimed message is skipped by later claims
 * until its lease, measured with the clock, runs out, it is dispatched or its claim is given back
 * ({@link #releaseClaims}); a claim may leave out topics. {@link #outstandingMessages} and {@link
 * #outstandingCount()} ignore claims.
 *
 * <p>What is kept is bounded by {@link InMemoryOutboxOptions}: dispatched messages expire after a
 * time to live and the oldest dispatched go first when the entry limit is passed; outstanding
 * messages are never dropped. Transactions come from an {@link InMemoryUnitOfWork}: adds made in
 * one become visible when it commits. Any other transaction provider is a {@link
 * ConfigurationException}. Thread-safe: every operation holds one lock.
 */
public final class InMemoryOutbox implements Outbox, OutboxAsync {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryOutbox.class);

  private static final Comparator<Entry> BY_TIMESTAMP =
      Comparator.comparing((Entry e) -> e.message().header().timestamp())
          .thenComparingLong(Entry::sequence);
  private static final Comparator<Entry> BY_MARKED =
      Comparator.comparing((Entry e) -> e.marked().markedAt()).thenComparingLong(Entry::sequence);
  private static final Comparator<Entry> BY_DUE =
      Comparator.comparing((Entry e) -> requireNonNull(e.dueAt()))
          .thenComparingLong(Entry::sequence);
  private static final Comparator<Entry> BY_DISPATCHED =
      Comparator.comparing((Entry e) -> e.marked().at()).thenComparingLong(Entry::sequence);

  private final Clock clock;
  private final InMemoryOutboxOptions options;
  private final Object lock = new Object();
  private final Map<Id, Entry> entries = new HashMap<>();
  private final NavigableSet<Entry> outstanding = new TreeSet<>(BY_TIMESTAMP);
  private final NavigableSet<Entry> dispatched = new TreeSet<>(BY_MARKED);
  private final NavigableSet<Entry> scheduled = new TreeSet<>(BY_DUE);
  private long sequence;

  /** An outbox on the system UTC clock with {@link InMemoryOutboxOptions#DEFAULT}. */
  public InMemoryOutbox() {
    this(Clock.systemUTC());
  }

  /** An outbox that tells the time by {@code clock}, with {@link InMemoryOutboxOptions#DEFAULT}. */
  public InMemoryOutbox(Clock clock) {
    this(clock, InMemoryOutboxOptions.DEFAULT);
  }

  /** An outbox that tells the time by {@code clock} and keeps what {@code options} allow. */
  public InMemoryOutbox(Clock clock, InMemoryOutboxOptions options) {
    this.clock = requireNonNull(clock, "clock must not be null");
    this.options = requireNonNull(options, "options must not be null");
  }

  @Override
  public void add(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(message, "message must not be null");
    add(List.of(message), context, transaction);
  }

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    List<Message> toStore = List.copyOf(messages);
    InMemoryUnitOfWork.onCommit(transaction, "InMemoryOutbox", () -> store(toStore));
  }

  @Override
  public void schedule(
      List<Message> messages,
      Instant dueAt,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(dueAt, "dueAt must not be null");
    List<Message> toStore = List.copyOf(messages);
    InMemoryUnitOfWork.onCommit(
        transaction, "InMemoryOutbox", () -> storeScheduled(toStore, dueAt));
  }

  @Override
  public boolean reschedule(Id id, Instant dueAt) {
    requireNonNull(dueAt, "dueAt must not be null");
    synchronized (lock) {
      Entry entry = waitingToBeDue(id);
      if (entry == null) {
        return false;
      }
      unindex(entry);
      index(entry.dueAt(dueAt));
      return true;
    }
  }

  @Override
  public boolean cancelScheduled(Id id) {
    synchronized (lock) {
      Entry entry = waitingToBeDue(id);
      if (entry != null) {
        unindex(entry);
      }
      return entry != null;
    }
  }

  /** The entry of {@code id} when it is scheduled and not yet due; the caller locks. */
  private @Nullable Entry waitingToBeDue(Id id) {
    requireNonNull(id, "id must not be null");
    promoteDue(clock.instant());
    Entry entry = entries.get(id);
    return entry != null && entry.dueAt() != null ? entry : null;
  }

  @Override
  public Message get(Id id) {
    requireNonNull(id, "id must not be null");
    synchronized (lock) {
      expire(clock.instant());
      Entry entry = entries.get(id);
      return entry == null ? Message.none(id) : entry.message();
    }
  }

  @Override
  public List<Message> get(List<Id> ids) {
    List<Message> found = new ArrayList<>();
    synchronized (lock) {
      expire(clock.instant());
      for (Id id : new LinkedHashSet<>(ids)) {
        Entry entry = entries.get(id);
        if (entry != null) {
          found.add(entry.message());
        }
      }
    }
    return List.copyOf(found);
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    requireNonNull(id, "id must not be null");
    requireNonNull(dispatchedAt, "dispatchedAt must not be null");
    synchronized (lock) {
      Instant now = clock.instant();
      expire(now);
      Entry entry = entries.get(id);
      if (entry == null) {
        LOG.debug("Message {} is not in the outbox; not marked dispatched", id);
        return;
      }
      unindex(entry);
      index(entry.dispatched(new Dispatch(dispatchedAt, now)));
    }
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    synchronized (lock) {
      return oldestOutstanding(minimumAge, pageSize, clock.instant(), entry -> true).stream()
          .map(Entry::message)
          .toList();
    }
  }

  @Override
  public List<Message> claimOutstanding(Duration minimumAge, int pageSize, Duration lease) {
    return claimOutstanding(minimumAge, pageSize, lease, Set.of());
  }

  @Override
  public List<Message> claimOutstanding(
      Duration minimumAge, int pageSize, Duration lease, Set<RoutingKey> excludedTopics) {
    OutboxQueries.checkLease(lease);
    requireNonNull(excludedTopics, "excludedTopics must not be null");
    synchronized (lock) {
      Instant now = clock.instant();
      List<Entry> claimed =
          oldestOutstanding(
              minimumAge,
              pageSize,
              now,
              entry ->
                  !entry.leasedAt(now)
                      && !excludedTopics.contains(entry.message().header().topic()));
      Instant leaseEnds = OutboxQueries.leaseEnd(now, lease);
      claimed.forEach(
          entry -> {
            unindex(entry);
            index(entry.leasedUntil(leaseEnds));
          });
      return claimed.stream().map(Entry::message).toList();
    }
  }

  @Override
  public void releaseClaims(List<Id> ids) {
    synchronized (lock) {
      for (Id id : ids) {
        Entry entry = entries.get(id);
        if (entry != null && entry.leaseEnds() != null && entry.dispatch() == null) {
          unindex(entry);
          index(entry.leasedUntil(null));
        }
      }
    }
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    OutboxQueries.checkPageSize(pageSize);
    synchronized (lock) {
      Instant now = clock.instant();
      expire(now);
      Instant cutoff = OutboxQueries.cutoff(now, age);
      return dispatched.stream()
          .filter(entry -> !entry.marked().at().isAfter(cutoff))
          .sorted(BY_DISPATCHED)
          .limit(pageSize)
          .map(Entry::message)
          .toList();
    }
  }

  @Override
  public void delete(List<Id> ids) {
    synchronized (lock) {
      ids.forEach(
          id -> {
            Entry entry = entries.get(id);
            if (entry != null) {
              unindex(entry);
            }
          });
    }
  }

  @Override
  public List<Message> messagesCausedBy(Id causationId) {
    String wanted = requireNonNull(causationId, "causationId must not be null").value();
    synchronized (lock) {
      expire(clock.instant());
      return entries.values().stream()
          .filter(e -> wanted.equals(e.message().header().bag().get(HeaderNames.CAUSATION_ID)))
          .sorted(BY_TIMESTAMP)
          .map(Entry::message)
          .toList();
    }
  }

  @Override
  public long outstandingCount() {
    synchronized (lock) {
      promoteDue(clock.instant());
      return outstanding.size();
    }
  }

  @Override
  public CompletableFuture<Void> addAsync(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    return runNow(() -> add(message, context, transaction));
  }

  @Override
  public CompletableFuture<Void> addAsync(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    return runNow(() -> add(messages, context, transaction));
  }

  @Override
  public CompletableFuture<Message> getAsync(Id id) {
    return supplyNow(() -> get(id));
  }

  @Override
  public CompletableFuture<List<Message>> getAsync(List<Id> ids) {
    return supplyNow(() -> get(ids));
  }

  @Override
  public CompletableFuture<Void> markDispatchedAsync(Id id, Instant dispatchedAt) {
    return runNow(() -> markDispatched(id, dispatchedAt));
  }

  @Override
  public CompletableFuture<List<Message>> outstandingMessagesAsync(
      Duration minimumAge, int pageSize) {
    return supplyNow(() -> outstandingMessages(minimumAge, pageSize));
  }

  @Override
  public CompletableFuture<List<Message>> dispatchedMessagesAsync(Duration age, int pageSize) {
    return supplyNow(() -> dispatchedMessages(age, pageSize));
  }

  @Override
  public CompletableFuture<Void> deleteAsync(List<Id> ids) {
    return runNow(() -> delete(ids));
  }

  @Override
  public CompletableFuture<Long> outstandingCountAsync() {
    return supplyNow(this::outstandingCount);
  }

  private void store(List<Message> messages) {
    synchronized (lock) {
      expire(clock.instant());
      for (Message message : messages) {
        if (entries.containsKey(message.id())) {
          LOG.debug("Message {} is already in the outbox; the duplicate is ignored", message.id());
        } else {
          index(new Entry(message, sequence++, null, null, null));
        }
      }
      while (entries.size() > options.entryLimit() && !dispatched.isEmpty()) {
        unindex(dispatched.first());
      }
    }
  }

  /** Stores scheduled messages, replacing any entry of the same id; the caller may not lock. */
  private void storeScheduled(List<Message> messages, Instant dueAt) {
    synchronized (lock) {
      for (Message message : messages) {
        Entry replaced = entries.get(message.id());
        if (replaced != null) {
          unindex(replaced);
        }
        index(new Entry(message, sequence++, null, null, dueAt));
      }
    }
  }

  /** Makes the scheduled entries due by {@code now} outstanding; the caller locks. */
  private void promoteDue(Instant now) {
    while (!scheduled.isEmpty() && !requireNonNull(scheduled.first().dueAt()).isAfter(now)) {
      Entry due = scheduled.first();
      unindex(due);
      index(due.dueAt(null));
    }
  }

  /** Up to {@code pageSize} outstanding entries old enough, oldest first; the caller locks. */
  private List<Entry> oldestOutstanding(
      Duration minimumAge, int pageSize, Instant now, Predicate<Entry> wanted) {
    OutboxQueries.checkPageSize(pageSize);
    expire(now);
    promoteDue(now);
    Instant cutoff = OutboxQueries.cutoff(now, minimumAge);
    List<Entry> found = new ArrayList<>();
    for (Entry entry : outstanding) {
      if (found.size() == pageSize || entry.message().header().timestamp().isAfter(cutoff)) {
        break;
      }
      if (wanted.test(entry)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Drops dispatched entries kept longer than their time to live; the caller locks. */
  private void expire(Instant now) {
    while (!dispatched.isEmpty()
        && Duration.between(dispatched.first().marked().markedAt(), now)
                .compareTo(options.dispatchedTimeToLive())
            > 0) {
      unindex(dispatched.first());
    }
  }

  private void index(Entry entry) {
    entries.put(entry.message().id(), entry);
    setOf(entry).add(entry);
  }

  private void unindex(Entry entry) {
    entries.remove(entry.message().id());
    setOf(entry).remove(entry);
  }

  private NavigableSet<Entry> setOf(Entry entry) {
    if (entry.dispatch() != null) {
      return dispatched;
    }
    return entry.dueAt() != null ? scheduled : outstanding;
  }

  private static <T> CompletableFuture<T> supplyNow(Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<Void> runNow(Runnable work) {
    return supplyNow(
        () -> {
          work.run();
          return (Void) null;
        });
  }

  /** When a message was sent, and when (by the store's clock) the store was told. */
  private record Dispatch(Instant at, Instant markedAt) {}

  /** A stored message with its order of arrival, dispatch and claim. */
  private record Entry(
      Message message,
      long sequence,
      @Nullable Dispatch dispatch,
      @Nullable Instant leaseEnds,
      @Nullable Instant dueAt) {

    Entry dispatched(Dispatch newDispatch) {
      return new Entry(message, sequence, newDispatch, null, null);
    }

    Entry leasedUntil(@Nullable Instant end) {
      return new Entry(message, sequence, dispatch, end, dueAt);
    }

    Entry dueAt(@Nullable Instant due) {
      return new Entry(message, sequence, dispatch, leaseEnds, due);
    }

    boolean leasedAt(Instant now) {
      return leaseEnds != null && leaseEnds.isAfter(now);
    }

    /** The dispatch of an entry in the dispatched set, which always has one. */
    Dispatch marked() {
      if (dispatch == null) {
        throw new IllegalStateException("message " + message.id() + " was not dispatched");
      }
      return dispatch;
    }
  }
}
