package io.brighter.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Helpers for the asynchronous pipelines. Not part of the public API. */
public final class Futures {

  private Futures() {}

  /**
   * Calls {@code call}; a synchronous throw, or a null result, becomes a failed future, so callers
   * handle every failure in one place.
   */
  public static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
    try {
      CompletableFuture<T> future = call.get();
      return future != null
          ? future
          : CompletableFuture.failedFuture(new IllegalStateException("handler returned null"));
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The exception a stage failed with, without the {@link CompletionException} wrapper. */
  public static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** Rethrows {@code failure} from inside a stage function, keeping it unchecked. */
  public static RuntimeException propagate(Throwable failure) {
    if (failure instanceof CompletionException completion) {
      return completion;
    }
    return new CompletionException(failure);
  }
}
