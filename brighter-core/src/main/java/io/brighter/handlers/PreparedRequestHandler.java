package io.brighter.handlers;

import io.brighter.Request;
import java.lang.annotation.Annotation;
import org.jspecify.annotations.Nullable;

/**
 * A middleware handler whose annotation is turned into settings once per handler class (see {@link
 * PreparedBy}): it keeps the prepared settings and hands them to {@link #handle} through {@link
 * #settings()}. A subclass says how to prepare them and what to do with a request.
 *
 * {@snippet :
 * public final class AuditHandler<T extends Request>
 *     extends PreparedRequestHandler<T, Audited, String> {
 *   @Override
 *   public String prepare(Audited annotation, Class<?> targetHandler) {
 *     return annotation.category();
 *   }
 *
 *   @Override
 *   public T handle(T request) {
 *     audit.record(settings(), request);
 *     return super.handle(request);
 *   }
 * }
 * }
 *
 * @param <T> the request type
 * @param <A> the middleware annotation type
 * @param <S> the settings prepared from it; immutable, as every run shares them
 */
public abstract class PreparedRequestHandler<T extends Request, A extends Annotation, S>
    extends RequestHandler<T> implements PreparedBy<A, S> {

  private @Nullable S settings;

  @Override
  public final void configure(S prepared) {
    settings = prepared;
  }

  /**
   * The settings {@link #prepare} made for this pipeline.
   *
   * @throws IllegalStateException when the handler is not part of a built pipeline
   */
  protected final S settings() {
    S prepared = settings;
    if (prepared == null) {
      throw new IllegalStateException(name() + " was used before configure() was called");
    }
    return prepared;
  }
}
