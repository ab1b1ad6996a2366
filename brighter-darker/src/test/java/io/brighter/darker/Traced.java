package io.brighter.darker;

import io.brighter.handlers.ConfiguredBy;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Test decorators that record entering and leaving into the {@link Trace} in the context. */
final class Traced {

  private Traced() {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @QueryMiddleware(decorator = Decorator.class, asyncDecorator = DecoratorAsync.class)
  @interface Alpha {
    int step();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @QueryMiddleware(decorator = Decorator.class, asyncDecorator = DecoratorAsync.class)
  @interface Beta {
    int step();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @QueryMiddleware(decorator = Decorator.class, asyncDecorator = DecoratorAsync.class)
  @interface Gamma {
    int step();
  }

  /** Has only a synchronous decorator. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @QueryMiddleware(decorator = Decorator.class)
  @interface SyncOnly {
    int step();
  }

  /** Has only an asynchronous decorator. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @QueryMiddleware(asyncDecorator = DecoratorAsync.class)
  @interface AsyncOnly {
    int step();
  }

  static final class Decorator<Q extends Query<R>, R>
      implements QueryDecorator<Q, R>, ConfiguredBy<Annotation> {
    private String name = "unconfigured";

    @Override
    public void configure(Annotation annotation, Class<?> targetHandler) {
      name = annotation.annotationType().getSimpleName();
    }

    @Override
    public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
      Trace trace = Trace.of(context);
      trace.add(name + ">");
      R result = next.apply(query);
      trace.add("<" + name);
      return result;
    }
  }

  static final class DecoratorAsync<Q extends Query<R>, R>
      implements QueryDecoratorAsync<Q, R>, ConfiguredBy<Annotation> {
    private String name = "unconfigured";

    @Override
    public void configure(Annotation annotation, Class<?> targetHandler) {
      name = annotation.annotationType().getSimpleName();
    }

    @Override
    public CompletableFuture<R> executeAsync(
        Q query,
        QueryContext context,
        Function<Q, CompletableFuture<R>> next,
        Function<Q, CompletableFuture<R>> fallback) {
      Trace trace = Trace.of(context);
      trace.add(name + ">");
      return next.apply(query)
          .thenApply(
              result -> {
                trace.add("<" + name);
                return result;
              });
    }
  }
}
