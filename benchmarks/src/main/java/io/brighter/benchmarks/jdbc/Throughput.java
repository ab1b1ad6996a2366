package io.brighter.benchmarks.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one operation on several threads, each in a tight loop, for a fixed time, and counts how
 * many completed: a closed-loop throughput measurement, as a pool of request threads would load a
 * service.
 */
final class Throughput {

  /** One unit of work, e.g. one transaction. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }

  private final int threads;

  Throughput(int threads) {
    this.threads = threads;
  }

  /** Operations per second of {@code operation} run on every thread for {@code duration}. */
  double perSecond(Operation operation, Duration duration) throws Exception {
    LongAdder done = new LongAdder();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>(threads);
      long start = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        workers.add(
            executor.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    operation.run();
                    done.increment();
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return done.sum() / seconds;
    } finally {
      executor.shutdownNow();
    }
  }
}
