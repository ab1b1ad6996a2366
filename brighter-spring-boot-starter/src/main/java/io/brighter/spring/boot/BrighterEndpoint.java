package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.console.OperationsApi;
import io.brighter.operations.BrighterOperations;
import io.brighter.operations.MessageDetail;
import io.brighter.operations.MessageSummary;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The actuator endpoint {@code brighter}: {@link BrighterOperations} over HTTP, with the paths and
 * answers of {@link OperationsApi} under {@code /actuator/brighter}. Reads are open as the
 * application exposes the endpoint; writes (open, shut, performers, resend, re-drive, purge) only
 * when {@code management.endpoint.brighter.access=unrestricted}, and, as every actuator endpoint,
 * behind Spring Security's rules for it when Spring Security is present. A request it cannot
 * understand is answered with 400.
 */
@Endpoint(id = "brighter", defaultAccess = Access.READ_ONLY)
public class BrighterEndpoint {

  private final OperationsApi api;

  /** The endpoint of {@code operations}. */
  public BrighterEndpoint(BrighterOperations operations) {
    this.api = new OperationsApi(requireNonNull(operations, "operations must not be null"));
  }

  /** Subscriptions, outbox and dead-letter queues. */
  @ReadOperation
  public OperationsApi.Overview overview() {
    return api.overview();
  }

  /**
   * One part: {@code subscriptions}, {@code outbox} (outstanding messages), {@code dead-letters}.
   */
  @ReadOperation
  public Object part(@Selector String part, @Nullable Integer limit) {
    return answer(() -> api.part(part, limit));
  }

  /** The dead letters of a queue: {@code dead-letters/{queue}}. */
  @ReadOperation
  public List<MessageSummary> deadLetters(
      @Selector String part, @Selector String name, @Nullable Integer limit) {
    return answer(() -> api.deadLetters(part, name, limit));
  }

  /**
   * One message whole: {@code dead-letters/{queue}/{id}} or {@code outbox/messages/{id}}; none
   * (404) when it is not there.
   */
  @ReadOperation
  public @Nullable MessageDetail message(
      @Selector String part, @Selector String name, @Selector String id) {
    try {
      return api.message(part, name, id);
    } catch (IllegalArgumentException e) {
      throw badRequest(e);
    }
  }

  /** Acts on a subscription, the outbox, or a dead-letter queue, as {@link OperationsApi} lists. */
  @WriteOperation
  public OperationsApi.Outcome act(
      @Selector String part,
      @Selector String name,
      String action,
      @Nullable String ids,
      @Nullable Integer performers,
      @Nullable String originalTopic,
      @Nullable String reasonContains) {
    return answer(
        () ->
            api.act(
                part,
                name,
                new OperationsApi.Action(action, ids, performers, originalTopic, reasonContains)));
  }

  private static <T> T answer(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw badRequest(e);
    }
  }

  private static InvalidEndpointRequestException badRequest(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    return new InvalidEndpointRequestException(message, message);
  }
}
