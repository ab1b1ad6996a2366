package io.brighter.darker.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log lines written by the query logging decorators; the query body only at DEBUG. */
final class QueryLog {

  static final Logger LOG = LoggerFactory.getLogger(QueryLoggingDecorator.class);

  private QueryLog() {}

  static void executing(String target, Object query) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Executing {} with {}: {}", query.getClass().getSimpleName(), target, query);
    } else if (LOG.isInfoEnabled()) {
      LOG.info("Executing {} with {}", query.getClass().getSimpleName(), target);
    }
  }

  static void executed(String target, Object query, long startedNanos) {
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "Executed {} with {} in {} ms",
          query.getClass().getSimpleName(),
          target,
          elapsedMillis(startedNanos));
    }
  }

  static void failed(String target, Object query, long startedNanos, Throwable failure) {
    LOG.warn(
        "Failed {} with {} after {} ms: {}",
        query.getClass().getSimpleName(),
        target,
        elapsedMillis(startedNanos),
        failure.toString());
  }

  private static String elapsedMillis(long startedNanos) {
    return String.format("%.3f", (System.nanoTime() - startedNanos) / 1_000_000.0);
  }
}
