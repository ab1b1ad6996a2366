package io.brighter.handlers;

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

  /** Takes back an instance made by {@link #create}; the default does nothing. */
  default void release(Object handler) {}
}
