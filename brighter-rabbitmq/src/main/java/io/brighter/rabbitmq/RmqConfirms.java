package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The publishes of one confirm-mode channel still waiting for the broker's word, by publish
 * sequence number. The broker confirms in order and may confirm many at once ({@code multiple});
 * each publish's future completes, or fails, when its confirm comes, and the {@code settled}
 * callback hears of it. Thread-safe: publishers add, the connection's thread confirms.
 */
final class RmqConfirms {

  /** One publish waiting for its confirm. */
  private static final class Pending {
    final Id id;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile @Nullable RuntimeException returned;

    Pending(Id id) {
      this.id = id;
    }
  }

  private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
  private final BiConsumer<Id, @Nullable Throwable> settled;
  private final boolean validating;

  /**
   * Confirms that tell {@code settled}; {@code validating} when the publication validates its
   * topology, so a returned message is a configuration error rather than a transient failure.
   */
  RmqConfirms(BiConsumer<Id, @Nullable Throwable> settled, boolean validating) {
    this.settled = settled;
    this.validating = validating;
  }

  /** Starts waiting for the confirm of publish {@code sequence}, message {@code id}. */
  CompletableFuture<Void> track(long sequence, Id id) {
    Pending entry = new Pending(id);
    pending.put(sequence, entry);
    return entry.done;
  }

  /** The broker took publish {@code sequence} (and every earlier one when {@code multiple}). */
  void acked(long sequence, boolean multiple) {
    settle(sequence, multiple, null);
  }

  /** The broker refused publish {@code sequence} (and every earlier one when {@code multiple}). */
  void nacked(long sequence, boolean multiple) {
    settle(sequence, multiple, Boolean.TRUE);
  }

  /**
   * The broker returned message {@code messageId} as unroutable: no queue is bound to {@code
   * routingKey}. Its coming confirm fails with {@link RmqPublishException#createUnroutable}, or,
   * when validating, a {@link ConfigurationException}.
   */
  void returned(@Nullable String messageId, String exchange, String routingKey) {
    if (messageId == null) {
      return;
    }
    for (Pending entry : pending.values()) {
      if (entry.id.value().equals(messageId)) {
        RmqPublishException unroutable =
            RmqPublishException.createUnroutable(entry.id, exchange, routingKey);
        entry.returned =
            validating
                ? new ConfigurationException(String.valueOf(unroutable.getMessage()), unroutable)
                : unroutable;
      }
    }
  }

  /** Fails publish {@code sequence}, which never reached the broker. */
  void failed(long sequence, Throwable cause) {
    Pending entry = pending.remove(sequence);
    if (entry != null) {
      complete(entry, cause);
    }
  }

  /** Fails every waiting publish: the channel closed before confirming them. */
  void failAll(Throwable cause) {
    while (!pending.isEmpty()) {
      Map.Entry<Long, Pending> first = pending.pollFirstEntry();
      if (first != null) {
        complete(
            first.getValue(), RmqPublishException.createConnectionLost(first.getValue().id, cause));
      }
    }
  }

  /** How many publishes wait for their confirm. */
  int outstanding() {
    return pending.size();
  }

  private void settle(long sequence, boolean multiple, @Nullable Boolean refused) {
    if (multiple) {
      ConcurrentNavigableMap<Long, Pending> upTo = pending.headMap(sequence, true);
      for (Long key : upTo.keySet()) {
        Pending entry = pending.remove(key);
        if (entry != null) {
          complete(entry, outcome(entry, refused));
        }
      }
    } else {
      Pending entry = pending.remove(sequence);
      if (entry != null) {
        complete(entry, outcome(entry, refused));
      }
    }
  }

  private static @Nullable Throwable outcome(Pending entry, @Nullable Boolean refused) {
    if (refused != null) {
      return RmqPublishException.createNacked(entry.id);
    }
    return entry.returned;
  }

  private void complete(Pending entry, @Nullable Throwable failure) {
    if (failure == null) {
      entry.done.complete(null);
    } else {
      entry.done.completeExceptionally(failure);
    }
    settled.accept(entry.id, failure);
  }
}
