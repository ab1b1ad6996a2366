package io.brighter.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs blocking work off the caller's thread, one new virtual thread per call. */
public final class VirtualThreads {

  private VirtualThreads() {}

  /** An executor starting a virtual thread named {@code name} for each task. */
  public static Executor named(String name) {
    return task -> Thread.ofVirtual().name(name).start(task);
  }

  /** {@code work} run on a virtual thread named {@code name}. */
  public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, named(name));
  }

  /** {@code work} run on a virtual thread named {@code name}. */
  public static CompletableFuture<Void> run(String name, Runnable work) {
    return CompletableFuture.runAsync(work, named(name));
  }
}
