package io.brighter.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResiliencePipelineRegistryTest {

  private static ResiliencePipelineRegistry retryingTwice() {
    return new ResiliencePipelineRegistry()
        .register(
            "twice",
            Retry.of(
                "twice",
                RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(10)).build()));
  }

  @Test
  void an_asynchronous_retry_waits_on_a_virtual_thread_of_the_registrys_own() throws Exception {
    // given
    List<Thread> attempts = new CopyOnWriteArrayList<>();
    ResiliencePipeline first = retryingTwice().get("twice");
    ResiliencePipeline second = retryingTwice().get("twice");

    // when
    for (ResiliencePipeline pipeline : List.of(first, second)) {
      pipeline
          .executeAsync(
              () -> {
                attempts.add(Thread.currentThread());
                return attempts.size() % 2 == 1
                    ? CompletableFuture.failedFuture(new IllegalStateException("once"))
                    : CompletableFuture.completedFuture("done");
              })
          .get(5, TimeUnit.SECONDS);
    }

    // then: each retried attempt ran on a virtual retry thread, one per registry
    assertThat(attempts).hasSize(4);
    Thread firstRetry = attempts.get(1);
    Thread secondRetry = attempts.get(3);
    assertThat(List.of(firstRetry, secondRetry))
        .allSatisfy(
            thread -> {
              assertThat(thread.isVirtual()).isTrue();
              assertThat(thread.getName()).isEqualTo("brighter-resilience-retry");
            });
    assertThat(firstRetry).isNotSameAs(secondRetry);
  }
}
