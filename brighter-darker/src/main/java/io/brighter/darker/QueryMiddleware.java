package io.brighter.darker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a query decorator: putting that annotation on a handler's {@code execute}
 * (or {@code executeAsync}) method wraps the handler in {@link #decorator()} (or {@link
 * #asyncDecorator()}). The query counterpart of {@link io.brighter.handlers.Middleware}.
 *
 * <p>The annotation must declare {@code int step()}: lower steps run first, that is further out, so
 * {@code @A(step = 1) @B(step = 2)} gives {@code A(B(handler))}. A decorator that implements {@link
 * io.brighter.handlers.ConfiguredBy} receives the annotation instance, with its parameters, each
 * time it is created.
 *
 * {@snippet :
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.METHOD)
 * @QueryMiddleware(decorator = AuditDecorator.class, asyncDecorator = AuditDecoratorAsync.class)
 * public @interface Audited {
 *   int step();
 * }
 * }
 *
 * <p>A decorator with only a synchronous implementation cannot be used on an asynchronous handler,
 * nor the reverse: building a processor with such a handler is a {@link
 * io.brighter.ConfigurationException} naming the annotation and the handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface QueryMiddleware {

  /**
   * The {@link QueryDecorator} used on synchronous handlers; {@code void.class} when there is none.
   */
  Class<?> decorator() default void.class;

  /**
   * The {@link QueryDecoratorAsync} used on asynchronous handlers; {@code void.class} when there is
   * none.
   */
  Class<?> asyncDecorator() default void.class;
}
