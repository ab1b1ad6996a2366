package io.brighter.handlers;

import io.brighter.Request;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often its settings are prepared, and records its label on every run. */
public final class PreparedHandler<T extends Request> extends RequestHandler<T>
    implements PreparedBy<Prepared, String> {

  static final AtomicInteger PREPARATIONS = new AtomicInteger();

  private String label = "";

  @Override
  public String prepare(Prepared annotation, Class<?> targetHandler) {
    PREPARATIONS.incrementAndGet();
    return "prepared:" + annotation.label() + "@" + targetHandler.getSimpleName();
  }

  @Override
  public void configure(String settings) {
    label = settings;
  }

  @Override
  public T handle(T request) {
    Journal.record(context(), label);
    return super.handle(request);
  }
}
