package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a task every interval on a daemon thread of its own, the timer behind the outbox sweeper and
 * archiver. Runs never overlap: a run that takes longer than the interval delays the next. The task
 * must catch its own failures; one that escapes ends the schedule. Not part of the public API.
 *
 * {@snippet :
 * PeriodicTask task = new PeriodicTask("outbox sweeper", Duration.ofSeconds(1), this::sweepLogged);
 * task.start();
 * // ...
 * task.stop();
 * }
 */
public final class PeriodicTask {

  private final String name;
  private final Duration interval;
  private final Runnable task;
  private @Nullable ScheduledExecutorService scheduler;

  /**
   * A task named {@code name} (its thread is {@code brighter-} and the name, dashed), not started.
   */
  public PeriodicTask(String name, Duration interval, Runnable task) {
    this.name = requireNonNull(name, "name must not be null");
    this.interval = requireNonNull(interval, "interval must not be null");
    this.task = requireNonNull(task, "task must not be null");
  }

  /**
   * Starts running the task every interval, the first run one interval from now.
   *
   * @throws IllegalStateException when already started
   */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("the " + name + " is already started");
    }
    String threadName = "brighter-" + name.replace(' ', '-');
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    scheduler = executor;
    executor.scheduleWithFixedDelay(
        task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the schedule, letting a run in progress finish; does nothing when not started. */
  public synchronized void stop() {
    ScheduledExecutorService executor = scheduler;
    scheduler = null;
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      executor.awaitTermination(interval.toMillis() + 30_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
