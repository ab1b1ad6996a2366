package io.brighter.handlers;

import java.util.function.Supplier;

/**
 * Makes the handler and middleware instances of a pipeline, and takes them back after the pipeline
 * has run. Plug a dependency-injection container in here; {@link SimpleHandlerFactory} serves code
 * without one.
 *
 * {@snippet :
 * HandlerFactory fromSpring = new HandlerFactory() {
 *   public Object create(Class<?> handlerType) {
 *     return applicationContext.getAutowireCapableBeanFactory().createBean(handlerType);
 *   }
 * };
 * }
 *
 * <p>{@link #create} is called for every pipeline run, from whichever thread sends the request, so
 * implementations must be thread-safe. Every instance it returns is handed to {@link #release}
 * exactly once, after the run ends (when its future completes, for asynchronous pipelines), even
 * when the run failed.
 */
public interface HandlerFactory {

  /**
   * An instance of {@code handlerType}: a {@link RequestHandler} or {@link RequestHandlerAsync},
   * either a target handler or a middleware handler named by a {@link Middleware} annotation.
   * Failures surface as {@link io.brighter.ConfigurationException}s naming the type.
   */
  Object create(Class<?> handlerType);

  /**
   * How to make instances of {@code handlerType}, asked once per handler type by each pipeline
   * builder; the supplier is then called for every run in place of {@link #create}. The default
   * calls {@link #create}; a factory that can resolve the type ahead overrides it to save that
   * look-up on every request.
   */
  default Supplier<?> creatorFor(Class<?> handlerType) {
    return () -> create(handlerType);
  }

  /** Takes back an instance made by {@link #create}; the default does nothing. */
  default void release(Object handler) {}
}
