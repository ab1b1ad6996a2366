package io.brighter.handlers;

import io.brighter.Request;
import java.lang.annotation.Annotation;

/** Records its step on the way in, then passes the request on. */
public final class TraceHandler<T extends Request> extends RequestHandler<T>
    implements ConfiguredBy<Annotation> {

  private String label = "trace";

  @Override
  public void configure(Annotation annotation, Class<?> targetHandler) {
    label =
        switch (annotation) {
          case Trace trace -> "trace:" + trace.step();
          case Trace2 trace -> "trace2:" + trace.step();
          case Trace3 trace -> "trace3:" + trace.step();
          case Trace4 trace -> "trace4:" + trace.step();
          case SyncOnly syncOnly -> "sync-only:" + syncOnly.step();
          default -> "trace";
        };
  }

  @Override
  public T handle(T request) {
    Journal.record(context(), label);
    return super.handle(request);
  }
}
