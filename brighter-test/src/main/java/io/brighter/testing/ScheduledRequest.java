package io.brighter.testing;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.Request;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled {@code send}, {@code publish} or {@code post} a {@link SpyCommandProcessor}
 * received: exactly one of {@code delay} and {@code at} is set, as the caller passed it.
 *
 * {@snippet :
 * commandProcessor.send(Duration.ofMinutes(5), new RemindCustomer(Id.random(), "Ada"));
 * ScheduledRequest call = commandProcessor.scheduled().getFirst();
 * assertThat(call.delay()).isEqualTo(Duration.ofMinutes(5));
 * }
 *
 * @param kind {@link RequestKind#SCHEDULED_SEND}, {@link RequestKind#SCHEDULED_PUBLISH} or {@link
 *     RequestKind#SCHEDULED_POST}
 * @param request the request passed
 * @param delay the delay passed, or null when a due time was passed
 * @param at the due time passed, or null when a delay was passed
 * @param jobId the job id returned to the caller
 */
public record ScheduledRequest(
    RequestKind kind, Request request, @Nullable Duration delay, @Nullable Instant at, Id jobId) {

  /** Checks the required parts. */
  public ScheduledRequest {
    requireNonNull(kind, "kind must not be null");
    requireNonNull(request, "request must not be null");
    requireNonNull(jobId, "jobId must not be null");
  }
}
