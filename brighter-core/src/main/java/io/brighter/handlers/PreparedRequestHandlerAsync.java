package io.brighter.handlers;

import io.brighter.Request;
import java.lang.annotation.Annotation;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous twin of {@link PreparedRequestHandler}: a middleware handler that keeps the
 * settings its annotation was prepared into once per handler class.
 *
 * @param <T> the request type
 * @param <A> the middleware annotation type
 * @param <S> the settings prepared from it; immutable, as every run shares them
 */
public abstract class PreparedRequestHandlerAsync<T extends Request, A extends Annotation, S>
    extends RequestHandlerAsync<T> implements PreparedBy<A, S> {

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
