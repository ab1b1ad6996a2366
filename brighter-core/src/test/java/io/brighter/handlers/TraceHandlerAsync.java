package io.brighter.handlers;

import io.brighter.Request;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;

/** The asynchronous {@link TraceHandler}. */
public final class TraceHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements ConfiguredBy<Annotation> {

  private String label = "trace";

  @Override
  public void configure(Annotation annotation, Class<?> targetHandler) {
    label =
        switch (annotation) {
          case Trace trace -> "trace:" + trace.step();
          case Trace2 trace -> "trace2:" + trace.step();
          case Trace3 trace -> "trace3:" + trace.step();
          default -> "trace";
        };
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    Journal.record(context(), label);
    return super.handleAsync(request);
  }
}
