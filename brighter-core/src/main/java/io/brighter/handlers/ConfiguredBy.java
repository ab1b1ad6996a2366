package io.brighter.handlers;

import java.lang.annotation.Annotation;

/**
 * Implemented by a middleware handler that takes parameters from its annotation. The pipeline
 * builder calls {@link #configure} on every new instance, after its context is set and before any
 * request reaches it.
 *
 * {@snippet :
 * public final class AuditHandler<T extends Request> extends RequestHandler<T>
 *     implements ConfiguredBy<Audited> {
 *   private String category = "";
 *
 *   @Override
 *   public void configure(Audited annotation, Class<?> targetHandler) {
 *     category = annotation.category();
 *   }
 * }
 * }
 *
 * @param <A> the middleware annotation type
 */
public interface ConfiguredBy<A extends Annotation> {

  /**
   * Takes the annotation's parameters. Throw {@link io.brighter.ConfigurationException} when they
   * cannot be honoured (an unknown policy name, say): the pipeline is then not run.
   *
   * @param annotation the annotation as written on the handler method
   * @param targetHandler the class of the handler whose method carries the annotation
   */
  void configure(A annotation, Class<?> targetHandler);
}
