package io.brighter.dynamodb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs the blocking SDK work of the asynchronous methods, one virtual thread per call. */
final class Blocking {

  private static final Executor VIRTUAL =
      runnable -> Thread.ofVirtual().name("brighter-dynamodb").start(runnable);

  private Blocking() {}

  static <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, VIRTUAL);
  }

  static CompletableFuture<Void> async(Runnable work) {
    return CompletableFuture.runAsync(work, VIRTUAL);
  }
}
