package io.brighter.handlers;

import java.lang.annotation.Annotation;

/**
 * Implemented by a middleware handler that turns its annotation into settings worth computing only
 * once: reading annotation members goes through a reflective proxy, too slow to repeat on every
 * request. The pipeline builder calls {@link #prepare} the first time it builds the pipeline of a
 * handler class, remembers the result with that pipeline, and hands it to {@link #configure} on
 * every new instance, after the instance's context is set.
 *
 * {@snippet :
 * public final class AuditHandler<T extends Request> extends RequestHandler<T>
 *     implements PreparedBy<Audited, String> {
 *   private String category = "";
 *
 *   @Override
 *   public String prepare(Audited annotation, Class<?> targetHandler) {
 *     return annotation.category();
 *   }
 *
 *   @Override
 *   public void configure(String category) {
 *     this.category = category;
 *   }
 * }
 * }
 *
 * <p>{@link PreparedRequestHandler} and {@link PreparedRequestHandlerAsync} keep the settings for
 * you. Use {@link ConfiguredBy} instead when the annotation is cheap to read or the settings depend
 * on the request.
 *
 * @param <A> the middleware annotation type
 * @param <S> the settings computed from it; immutable, as they are shared by every run
 */
public interface PreparedBy<A extends Annotation, S> {

  /**
   * The settings for {@code annotation} on {@code targetHandler}. Must depend on nothing else: the
   * result is shared by every later run of that handler's pipeline, from any thread. Throw {@link
   * io.brighter.ConfigurationException} when the annotation cannot be honoured.
   */
  S prepare(A annotation, Class<?> targetHandler);

  /** Takes the settings {@link #prepare} computed; called on every new instance. */
  void configure(S settings);
}
