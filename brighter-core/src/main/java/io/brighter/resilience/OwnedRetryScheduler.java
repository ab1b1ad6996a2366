package io.brighter.resilience;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler a registry's asynchronous retries wait on when it was given none: started the first
 * time a retry waits, on a virtual thread that ends after a while without work, so an idle or
 * forgotten registry holds no thread and nothing is shared between registries. Thread-safe.
 */
final class OwnedRetryScheduler implements Supplier<ScheduledExecutorService> {

  private static final Duration IDLE = Duration.ofSeconds(30);

  private @Nullable ScheduledThreadPoolExecutor scheduler;

  @Override
  public synchronized ScheduledExecutorService get() {
    if (scheduler == null) {
      ScheduledThreadPoolExecutor started =
          new ScheduledThreadPoolExecutor(
              1, Thread.ofVirtual().name("brighter-resilience-retry").factory());
      started.setKeepAliveTime(IDLE.toMillis(), TimeUnit.MILLISECONDS);
      started.allowCoreThreadTimeOut(true);
      started.setRemoveOnCancelPolicy(true);
      scheduler = started;
    }
    return scheduler;
  }
}
