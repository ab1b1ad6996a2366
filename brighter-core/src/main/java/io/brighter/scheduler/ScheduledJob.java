package io.brighter.scheduler;

import io.brighter.Id;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One waiting job of an {@link InMemoryScheduler}: what to run, when, and the timer armed for it.
 * Compared by identity, so a rescheduled job (a new instance under the same id) is told apart from
 * the one it replaced.
 */
final class ScheduledJob {

  private final Id id;
  private final Instant at;
  private final String description;
  private final Runnable action;
  private volatile @Nullable ScheduledFuture<?> timer;

  ScheduledJob(Id id, Instant at, String description, Runnable action) {
    this.id = id;
    this.at = at;
    this.description = description;
    this.action = action;
  }

  Id id() {
    return id;
  }

  Instant at() {
    return at;
  }

  String description() {
    return description;
  }

  Runnable action() {
    return action;
  }

  /** A job for the same work under the same id, due at {@code newAt}. */
  ScheduledJob movedTo(Instant newAt) {
    return new ScheduledJob(id, newAt, description, action);
  }

  void armed(ScheduledFuture<?> value) {
    this.timer = value;
  }

  void disarm() {
    ScheduledFuture<?> current = timer;
    if (current != null) {
      current.cancel(false);
    }
  }
}
