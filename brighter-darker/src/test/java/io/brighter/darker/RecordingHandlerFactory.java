package io.brighter.darker;

import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.SimpleHandlerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A {@link SimpleHandlerFactory} that records every instance it creates and takes back. */
final class RecordingHandlerFactory implements HandlerFactory {

  private final SimpleHandlerFactory delegate = new SimpleHandlerFactory();
  private final List<Object> created = new CopyOnWriteArrayList<>();
  private final List<Object> released = new CopyOnWriteArrayList<>();

  <H> RecordingHandlerFactory register(Class<H> type, Supplier<? extends H> supplier) {
    delegate.register(type, supplier);
    return this;
  }

  @Override
  public Object create(Class<?> handlerType) {
    Object instance = delegate.create(handlerType);
    created.add(instance);
    return instance;
  }

  @Override
  public void release(Object handler) {
    released.add(handler);
  }

  List<Object> created() {
    return List.copyOf(created);
  }

  List<Object> released() {
    return List.copyOf(released);
  }

  List<Class<?>> createdTypes() {
    return created.stream().<Class<?>>map(Object::getClass).toList();
  }
}
