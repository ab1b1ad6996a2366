package io.brighter.spring.boot;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that sends what {@link TransactionalPoster} deposited, after the commit, so the
 * committing thread (an HTTP request's) never waits for the broker. At most {@code capacity} sends
 * wait; beyond that a send is left to the outbox sweeper, which sends every deposited message in
 * any case, and a warning says so (at most one a minute). Closed with the application context.
 */
final class AfterCommitSender implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitSender.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final ThreadPoolExecutor executor;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private final AtomicLong leftToSweeper = new AtomicLong();

  AfterCommitSender(int capacity) {
    RejectedExecutionHandler full =
        (send, pool) -> {
          long left = leftToSweeper.incrementAndGet();
          long now = System.nanoTime();
          long last = lastWarning.get();
          if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn(
                "{} sends after commit wait already; {} left to the outbox sweeper so far",
                capacity,
                left);
          }
        };
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            runnable -> {
              Thread thread = new Thread(runnable, "brighter-send-after-commit");
              thread.setDaemon(true);
              return thread;
            },
            full);
  }

  @Override
  public void execute(Runnable send) {
    executor.execute(send);
  }

  /** Stops taking sends; those waiting are left to the sweeper. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
