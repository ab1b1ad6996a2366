package io.brighter.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a pipeline middleware: putting that annotation on a handler's {@code
 * handle} (or {@code handleAsync}) method inserts {@link #handler()} (or {@link #asyncHandler()})
 * into the handler's pipeline.
 *
 * <p>The annotation must declare {@code int step()}: lower steps run first, that is further out. It
 * may declare {@code HandlerTiming timing()}; without one the middleware runs {@link
 * HandlerTiming#BEFORE} the target. A middleware handler that implements {@link ConfiguredBy}
 * receives the annotation instance, with its parameters, each time the pipeline is built.
 *
 * {@snippet :
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.METHOD)
 * @Middleware(handler = AuditHandler.class)
 * public @interface Audited {
 *   int step();
 *   HandlerTiming timing() default HandlerTiming.BEFORE;
 * }
 * }
 *
 * <p>A middleware that offers only a synchronous handler cannot be used on an asynchronous
 * pipeline, nor the reverse: building such a pipeline is a {@link
 * io.brighter.ConfigurationException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Middleware {

  /**
   * The {@link RequestHandler} subclass inserted into synchronous pipelines; {@code void.class}
   * when the middleware has none.
   */
  Class<?> handler() default void.class;

  /**
   * The {@link RequestHandlerAsync} subclass inserted into asynchronous pipelines; {@code
   * void.class} when the middleware has none.
   */
  Class<?> asyncHandler() default void.class;
}
