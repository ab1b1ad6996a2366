package io.brighter.handlers.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.MonitorEvent;
import io.brighter.internal.RateLimitedWarnings;
import io.brighter.messaging.JsonMessageMapper;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link MonitorEvent}s of one handler's run and sends them, never failing: a send that
 * fails is logged (once per kind of failure a minute) and the run goes on.
 */
final class MonitorRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorRecorder.class);
  private static final RateLimitedWarnings WARNINGS =
      new RateLimitedWarnings(RateLimitedWarnings.DEFAULT_PERIOD);
  private static final ObjectMapper JSON = JsonMessageMapper.defaultObjectMapper();

  private final MonitorConfiguration configuration;
  private final Class<?> handler;
  private final Request request;
  private final String requestBody;
  private final long started = System.nanoTime();

  MonitorRecorder(MonitorConfiguration configuration, Class<?> handler, Request request) {
    this.configuration = configuration;
    this.handler = handler;
    this.request = request;
    this.requestBody = json(request);
  }

  /** The event that the request entered the handler. */
  MonitorEvent entered() {
    return event(MonitorEvent.Type.ENTER_HANDLER, 0, null);
  }

  /** The event that the handler returned, or threw {@code failure}. */
  MonitorEvent left(@Nullable Throwable failure) {
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    return failure == null
        ? event(MonitorEvent.Type.EXIT_HANDLER, elapsed, null)
        : event(MonitorEvent.Type.EXCEPTION_THROWN, elapsed, failure.toString());
  }

  /** Sends {@code event}, logging a failure. */
  void send(MonitorEvent event) {
    try {
      configuration.sender().post(event);
    } catch (RuntimeException e) {
      warn(event, e);
    }
  }

  /** Sends {@code event}; the future completes when it was sent or its failure logged. */
  CompletableFuture<Void> sendAsync(MonitorEvent event) {
    CompletableFuture<Void> sent;
    try {
      sent = configuration.sender().postAsync(event);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
        (ignored, failure) -> {
          if (failure != null) {
            warn(event, failure);
          }
          return null;
        });
  }

  private MonitorEvent event(MonitorEvent.Type type, long elapsed, @Nullable String exception) {
    return new MonitorEvent(
        Id.random(),
        type,
        configuration.instanceName(),
        handler.getSimpleName(),
        handler.getName(),
        request.id(),
        requestBody,
        Instant.now(),
        elapsed,
        exception);
  }

  private void warn(MonitorEvent event, Throwable failure) {
    WARNINGS.warn(
        LOG,
        "Could not send the monitor event "
            + event.type()
            + " of "
            + event.handlerName()
            + "; the handler runs on unmonitored",
        failure);
  }

  private static String json(Request request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException | RuntimeException e) {
      return "{\"unwritable\":\"" + request.getClass().getName() + "\"}";
    }
  }
}
