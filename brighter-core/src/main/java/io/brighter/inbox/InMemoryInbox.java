package io.brighter.inbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.internal.StoredJson;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.InMemoryUnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Inbox} held in memory: for tests, samples and services that accept forgetting what they
 * handled when the process stops. The {@link InboxAsync} methods do the work at once and return
 * completed futures.
 *
 * {@snippet :
 * InMemoryInbox inbox = new InMemoryInbox(Clock.systemUTC(), InMemoryInboxOptions.DEFAULT);
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscriberRegistry, handlerFactory)
 *     .inbox(inbox)
 *     .build();
 * }
 *
 * <p>Requests are kept as JSON text, as a database would keep them. What is kept is bounded by
 * {@link InMemoryInboxOptions}: an entry expires a time to live after it was added (by the {@link
 * Clock}), and when the entry limit is passed the oldest entries go first. Expiry assumes the clock
 * does not run backwards. Thread-safe: every operation holds one lock.
 */
public final class InMemoryInbox implements Inbox, InboxAsync {

  private final Clock clock;
  private final InMemoryInboxOptions options;
  private final Object lock = new Object();
  // Insertion order is age order: the head is the oldest entry.
  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  /** An inbox on the system UTC clock with {@link InMemoryInboxOptions#DEFAULT}. */
  public InMemoryInbox() {
    this(Clock.systemUTC(), InMemoryInboxOptions.DEFAULT);
  }

  /** An inbox that tells the time by {@code clock} and keeps what {@code options} allow. */
  public InMemoryInbox(Clock clock, InMemoryInboxOptions options) {
    this.clock = requireNonNull(clock, "clock must not be null");
    this.options = requireNonNull(options, "options must not be null");
  }

  @Override
  public void add(Request request, String contextKey) {
    requireNonNull(request, "request must not be null");
    Key key = new Key(request.id(), requireNonNull(contextKey, "contextKey must not be null"));
    String json = StoredJson.requestToJson(request);
    synchronized (lock) {
      Instant now = clock.instant();
      expire(now);
      if (entries.containsKey(key)) {
        return;
      }
      entries.put(key, new Entry(request.getClass().getName(), json, now));
      Iterator<Entry> oldestFirst = entries.values().iterator();
      while (entries.size() > options.entryLimit()) {
        oldestFirst.next();
        oldestFirst.remove();
      }
    }
  }

  /**
   * Records {@code request} when {@code transaction}, an {@link InMemoryUnitOfWork}, commits; at
   * once without one.
   *
   * @throws ConfigurationException when the transaction is of another kind
   */
  @Override
  public void add(
      Request request, String contextKey, @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(request, "request must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
    InMemoryUnitOfWork.onCommit(transaction, "InMemoryInbox", () -> add(request, contextKey));
  }

  /** A new {@link InMemoryUnitOfWork}: what the handler stages in it commits with the record. */
  @Override
  public BoxTransactionProvider<?> newTransaction() {
    return new InMemoryUnitOfWork();
  }

  @Override
  public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
    requireNonNull(type, "type must not be null");
    return find(id, contextKey, type).map(entry -> StoredJson.requestFromJson(entry.json(), type));
  }

  @Override
  public boolean exists(Id id, String contextKey, Class<?> type) {
    requireNonNull(type, "type must not be null");
    return find(id, contextKey, type).isPresent();
  }

  @Override
  public CompletableFuture<Void> addAsync(Request request, String contextKey) {
    try {
      add(request, contextKey);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T extends Request> CompletableFuture<Optional<T>> getAsync(
      Id id, String contextKey, Class<T> type) {
    try {
      return CompletableFuture.completedFuture(get(id, contextKey, type));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Boolean> existsAsync(Id id, String contextKey, Class<?> type) {
    try {
      return CompletableFuture.completedFuture(exists(id, contextKey, type));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** How many entries are kept now, expired ones left out. */
  public int size() {
    synchronized (lock) {
      expire(clock.instant());
      return entries.size();
    }
  }

  private Optional<Entry> find(Id id, String contextKey, Class<?> type) {
    Key key =
        new Key(
            requireNonNull(id, "id must not be null"),
            requireNonNull(contextKey, "contextKey must not be null"));
    synchronized (lock) {
      expire(clock.instant());
      Entry entry = entries.get(key);
      return entry != null && entry.typeName().equals(type.getName())
          ? Optional.of(entry)
          : Optional.empty();
    }
  }

  private void expire(Instant now) {
    Instant cutoff = now.minus(options.timeToLive());
    Iterator<Entry> oldestFirst = entries.values().iterator();
    while (oldestFirst.hasNext()) {
      if (oldestFirst.next().addedAt().isAfter(cutoff)) {
        return;
      }
      oldestFirst.remove();
    }
  }

  private record Key(Id id, String contextKey) {}

  private record Entry(String typeName, String json, Instant addedAt) {}
}
