package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.operations.BrighterOperations;
import io.brighter.operations.DeadLetterFilter;
import io.brighter.operations.MessageDetail;
import io.brighter.operations.MessageSummary;
import io.brighter.operations.OutboxReport;
import io.brighter.operations.SubscriptionReport;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The actuator endpoint {@code brighter}: {@link BrighterOperations} over HTTP. Reads are open as
 * the application exposes the endpoint; writes (open, shut, performers, resend, re-drive, purge)
 * only when {@code management.endpoint.brighter.access=unrestricted}, and, as every actuator
 * endpoint, behind Spring Security's rules for it when Spring Security is present.
 *
 * <pre>
 * GET  /actuator/brighter                              subscriptions, outbox, dead-letter queues
 * GET  /actuator/brighter/subscriptions
 * GET  /actuator/brighter/outbox?limit=50              outstanding messages
 * GET  /actuator/brighter/outbox/messages/{id}         one, whole
 * GET  /actuator/brighter/dead-letters/{queue}?limit=50
 * GET  /actuator/brighter/dead-letters/{queue}/{id}    one, whole
 * POST /actuator/brighter/subscriptions/{name}         {"action": "open" | "shut" | "performers", "performers": 2}
 * POST /actuator/brighter/outbox/messages              {"action": "resend", "ids": "id1,id2"}
 * POST /actuator/brighter/dead-letters/{queue}         {"action": "redrive", "ids": "id1,id2"}
 *                                                      {"action": "redrive-matching", "originalTopic": ..., "reasonContains": ...}
 *                                                      {"action": "purge"}
 * </pre>
 */
@Endpoint(id = "brighter", defaultAccess = Access.READ_ONLY)
public class BrighterEndpoint {

  private static final int DEFAULT_LIMIT = 50;

  private final BrighterOperations operations;

  /** The endpoint of {@code operations}. */
  public BrighterEndpoint(BrighterOperations operations) {
    this.operations = requireNonNull(operations, "operations must not be null");
  }

  /**
   * Everything at a glance.
   *
   * @param subscriptions each subscription
   * @param outbox the outbox's backlog, when the service has an outbox
   * @param deadLetterQueues each dead-letter queue with how many it holds (counted up to the scan
   *     limit)
   */
  public record Overview(
      List<SubscriptionReport> subscriptions,
      @Nullable OutboxReport outbox,
      List<QueueCount> deadLetterQueues) {}

  /**
   * A dead-letter queue and how many dead letters it holds, counted up to the scan limit.
   *
   * @param name the queue
   * @param count how many it holds, at most the scan limit
   */
  public record QueueCount(String name, int count) {}

  /**
   * What a write did.
   *
   * @param action the action
   * @param count how many messages it concerned, where it counts
   */
  public record Outcome(String action, long count) {}

  /** Subscriptions, outbox and dead-letter queues. */
  @ReadOperation
  public Overview overview() {
    return new Overview(
        operations.subscriptions(),
        operations.hasOutbox() ? operations.outbox() : null,
        queueCounts());
  }

  /**
   * One part: {@code subscriptions}, {@code outbox} (outstanding messages), {@code dead-letters}.
   */
  @ReadOperation
  public Object part(@Selector String part, @Nullable Integer limit) {
    return switch (part) {
      case "subscriptions" -> operations.subscriptions();
      case "outbox" -> operations.outstanding(limit(limit));
      case "dead-letters" -> queueCounts();
      default -> throw unknown("part", part);
    };
  }

  /** The dead letters of a queue: {@code dead-letters/{queue}}. */
  @ReadOperation
  public List<MessageSummary> deadLetters(
      @Selector String part, @Selector String name, @Nullable Integer limit) {
    if (!part.equals("dead-letters")) {
      throw unknown("part", part);
    }
    return operations.deadLetters(name, limit(limit));
  }

  /**
   * One message whole: {@code dead-letters/{queue}/{id}} or {@code outbox/messages/{id}}; none
   * (404) when it is not there.
   */
  @ReadOperation
  public @Nullable MessageDetail message(
      @Selector String part, @Selector String name, @Selector String id) {
    return switch (part) {
      case "dead-letters" -> operations.deadLetter(name, Id.of(id)).orElse(null);
      case "outbox" -> operations.outboxMessage(Id.of(id)).orElse(null);
      default -> throw unknown("part", part);
    };
  }

  /** Acts on a subscription, the outbox, or a dead-letter queue, as the class comment lists. */
  @WriteOperation
  public Outcome act(
      @Selector String part,
      @Selector String name,
      String action,
      @Nullable String ids,
      @Nullable Integer performers,
      @Nullable String originalTopic,
      @Nullable String reasonContains) {
    try {
      return switch (part + ":" + action) {
        case "subscriptions:open" -> {
          operations.open(name);
          yield new Outcome(action, 0);
        }
        case "subscriptions:shut" -> {
          operations.shut(name);
          yield new Outcome(action, 0);
        }
        case "subscriptions:performers" -> {
          operations.setPerformers(name, required(performers, "performers"));
          yield new Outcome(action, required(performers, "performers"));
        }
        case "outbox:resend" -> {
          List<Id> chosen = ids(ids);
          operations.resend(chosen);
          yield new Outcome(action, chosen.size());
        }
        case "dead-letters:redrive" -> new Outcome(action, operations.redrive(name, ids(ids)));
        case "dead-letters:redrive-matching" ->
            new Outcome(
                action,
                operations.redrive(name, new DeadLetterFilter(originalTopic, reasonContains)));
        case "dead-letters:purge" -> new Outcome(action, operations.purge(name));
        default -> throw unknown("action on " + part, action);
      };
    } catch (ConfigurationException | IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new InvalidEndpointRequestException(message, message);
    }
  }

  private List<QueueCount> queueCounts() {
    return operations.deadLetterQueues().stream()
        .map(queue -> new QueueCount(queue, operations.deadLetterCount(queue)))
        .toList();
  }

  private static int limit(@Nullable Integer limit) {
    return limit == null ? DEFAULT_LIMIT : limit;
  }

  private static List<Id> ids(@Nullable String ids) {
    List<Id> parsed =
        ids == null
            ? List.of()
            : Arrays.stream(ids.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .map(Id::of)
                .toList();
    if (parsed.isEmpty()) {
      throw new InvalidEndpointRequestException("ids must be given", "ids must be given");
    }
    return parsed;
  }

  private static int required(@Nullable Integer value, String name) {
    if (value == null) {
      throw new InvalidEndpointRequestException(name + " must be given", name + " must be given");
    }
    return value;
  }

  private static InvalidEndpointRequestException unknown(String what, String value) {
    String message = "Unknown " + what + ": " + value;
    return new InvalidEndpointRequestException(message, message);
  }
}
