package io.brighter.handlers.logging;

import io.brighter.Request;
import org.slf4j.Logger;

/** The log lines written by the request logging handlers. */
final class RequestLog {

  private RequestLog() {}

  /** The start time for the elapsed-time line, read only when that line will be written. */
  static long start(Logger log) {
    return log.isWarnEnabled() ? System.nanoTime() : 0L;
  }

  static void entering(Logger log, Class<?> target, Request request) {
    if (log.isDebugEnabled()) {
      log.debug(
          "Handling {} {} with {}: {}",
          request.getClass().getSimpleName(),
          request.id(),
          target.getSimpleName(),
          request);
    } else if (log.isInfoEnabled()) {
      log.info(
          "Handling {} {} with {}",
          request.getClass().getSimpleName(),
          request.id(),
          target.getSimpleName());
    }
  }

  static void handled(Logger log, Class<?> target, Request request, long startedNanos) {
    if (log.isInfoEnabled()) {
      log.info(
          "Handled {} {} with {} in {} ms",
          request.getClass().getSimpleName(),
          request.id(),
          target.getSimpleName(),
          elapsedMillis(startedNanos));
    }
  }

  static void failed(
      Logger log, Class<?> target, Request request, long startedNanos, Throwable failure) {
    log.warn(
        "Failed {} {} with {} after {} ms: {}",
        request.getClass().getSimpleName(),
        request.id(),
        target.getSimpleName(),
        elapsedMillis(startedNanos),
        failure.toString());
  }

  private static String elapsedMillis(long startedNanos) {
    return String.format("%.3f", (System.nanoTime() - startedNanos) / 1_000_000.0);
  }
}
