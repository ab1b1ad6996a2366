package io.brighter.handlers.monitoring;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.Monitor;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.RequestHandler;

/**
 * The handler inserted by {@link Monitor}: sends the entry event, runs the rest of the pipeline,
 * then sends the exit event, or the exception event and throws the exception on.
 *
 * @param <T> the request type
 */
public final class MonitorHandler<T extends Request> extends RequestHandler<T>
    implements ConfiguredBy<Monitor> {

  private Class<?> target = Object.class;

  @Override
  public void configure(Monitor annotation, Class<?> targetHandler) {
    target = targetHandler;
  }

  @Override
  public T handle(T request) {
    MonitorConfiguration configuration = context().monitoring().orElse(null);
    if (configuration == null) {
      return super.handle(request);
    }
    MonitorRecorder recorder = new MonitorRecorder(configuration, target, request);
    recorder.send(recorder.entered());
    T result;
    try {
      result = super.handle(request);
    } catch (RuntimeException | Error e) {
      recorder.send(recorder.left(e));
      throw e;
    }
    recorder.send(recorder.left(null));
    return result;
  }
}
