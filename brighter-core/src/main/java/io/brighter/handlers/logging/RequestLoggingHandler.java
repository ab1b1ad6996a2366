package io.brighter.handlers.logging;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler inserted by {@link RequestLogging}: logs the request's type and id on the way in, and
 * the elapsed time or the failure on the way out. The request body is logged at DEBUG only.
 *
 * @param <T> the request type
 */
public final class RequestLoggingHandler<T extends Request> extends RequestHandler<T>
    implements ConfiguredBy<RequestLogging> {

  static final Logger LOG = LoggerFactory.getLogger(RequestLoggingHandler.class);

  private Class<?> target = Object.class;

  @Override
  public void configure(RequestLogging annotation, Class<?> targetHandler) {
    target = targetHandler;
  }

  @Override
  public T handle(T request) {
    long started = RequestLog.start(LOG);
    RequestLog.entering(LOG, target, request);
    try {
      T result = super.handle(request);
      RequestLog.handled(LOG, target, request, started);
      return result;
    } catch (RuntimeException | Error e) {
      RequestLog.failed(LOG, target, request, started, e);
      throw e;
    }
  }
}
