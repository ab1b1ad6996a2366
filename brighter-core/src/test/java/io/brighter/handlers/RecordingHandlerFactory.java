package io.brighter.handlers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SimpleHandlerFactory} that remembers what it created and what was released. */
public final class RecordingHandlerFactory implements HandlerFactory {

  private final SimpleHandlerFactory delegate = new SimpleHandlerFactory();
  private final List<Object> created = new CopyOnWriteArrayList<>();
  private final List<Object> released = new CopyOnWriteArrayList<>();

  public SimpleHandlerFactory delegate() {
    return delegate;
  }

  @Override
  public Object create(Class<?> handlerType) {
    Object handler = delegate.create(handlerType);
    created.add(handler);
    return handler;
  }

  @Override
  public void release(Object handler) {
    released.add(handler);
  }

  public List<Object> created() {
    return List.copyOf(created);
  }

  public List<Object> released() {
    return List.copyOf(released);
  }
}
