package io.brighter.console;

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

/**
 * The requests the console makes, over {@link BrighterOperations}, whichever server carries them:
 * the Spring Boot actuator endpoint {@code brighter} and {@link ConsoleHttpHandler} both answer
 * these paths with these records as JSON.
 *
 * <pre>
 * GET  {api}                               subscriptions, outbox backlog, dead-letter queues
 * GET  {api}/subscriptions
 * GET  {api}/outbox?limit=50               outstanding messages
 * GET  {api}/outbox/messages/{id}          one, whole
 * GET  {api}/dead-letters
 * GET  {api}/dead-letters/{queue}?limit=50
 * GET  {api}/dead-letters/{queue}/{id}     one, whole
 * POST {api}/subscriptions/{name}          {"action": "open" | "shut" | "performers", "performers": 2}
 * POST {api}/outbox/messages               {"action": "resend", "ids": "id1,id2"}
 * POST {api}/dead-letters/{queue}          {"action": "redrive", "ids": "id1,id2"}
 *                                          {"action": "redrive-matching", "originalTopic": ..., "reasonContains": ...}
 *                                          {"action": "purge"}
 * </pre>
 *
 * <p>A request it cannot understand fails with {@link IllegalArgumentException}, whose message says
 * why: the servers answer 400 with it.
 */
public final class OperationsApi {

  private static final int DEFAULT_LIMIT = 50;

  private final BrighterOperations operations;

  /** The API of {@code operations}. */
  public OperationsApi(BrighterOperations operations) {
    this.operations = requireNonNull(operations, "operations must not be null");
  }

  /**
   * Everything at a glance.
   *
   * @param subscriptions each subscription
   * @param outbox the outbox's backlog, when the service has an outbox
   * @param deadLetterQueues each dead-letter queue with how many it holds
   */
  public record Overview(
      List<SubscriptionReport> subscriptions,
      @Nullable OutboxReport outbox,
      List<QueueCount> deadLetterQueues) {}

  /**
   * A dead-letter queue and how many dead letters it holds.
   *
   * @param name the queue
   * @param count how many it holds
   */
  public record QueueCount(String name, long count) {}

  /**
   * A write: what to do, and with what.
   *
   * @param action the action
   * @param ids the messages' ids, comma-separated, for resend and redrive
   * @param performers the number of pumps, for performers
   * @param originalTopic the topic dead letters came from, for redrive-matching; null for any
   * @param reasonContains text their reason contains, for redrive-matching; null for any
   */
  public record Action(
      String action,
      @Nullable String ids,
      @Nullable Integer performers,
      @Nullable String originalTopic,
      @Nullable String reasonContains) {}

  /**
   * What a write did.
   *
   * @param action the action
   * @param count how many messages it concerned, where it counts
   */
  public record Outcome(String action, long count) {}

  /** Subscriptions, outbox and dead-letter queues. */
  public Overview overview() {
    return new Overview(
        operations.subscriptions(),
        operations.hasOutbox() ? operations.outbox() : null,
        queueCounts());
  }

  /**
   * One part: {@code subscriptions}, {@code outbox} (outstanding messages), {@code dead-letters}.
   */
  public Object part(String part, @Nullable Integer limit) {
    return switch (part) {
      case "subscriptions" -> operations.subscriptions();
      case "outbox" -> operations.outstanding(limit(limit));
      case "dead-letters" -> queueCounts();
      default -> throw unknown("part", part);
    };
  }

  /** The dead letters of a queue: {@code dead-letters/{queue}}. */
  public List<MessageSummary> deadLetters(String part, String queue, @Nullable Integer limit) {
    if (!part.equals("dead-letters")) {
      throw unknown("part", part);
    }
    return call(() -> operations.deadLetters(queue, limit(limit)));
  }

  /**
   * One message whole: {@code dead-letters/{queue}/{id}} or {@code outbox/messages/{id}}; null when
   * it is not there.
   */
  public @Nullable MessageDetail message(String part, String name, String id) {
    return switch (part) {
      case "dead-letters" -> call(() -> operations.deadLetter(name, Id.of(id)).orElse(null));
      case "outbox" -> call(() -> operations.outboxMessage(Id.of(id)).orElse(null));
      default -> throw unknown("part", part);
    };
  }

  /** Acts on a subscription, the outbox, or a dead-letter queue, as the class comment lists. */
  public Outcome act(String part, String name, Action request) {
    String action = request.action();
    return call(
        () ->
            switch (part + ":" + action) {
              case "subscriptions:open" -> {
                operations.open(name);
                yield new Outcome(action, 0);
              }
              case "subscriptions:shut" -> {
                operations.shut(name);
                yield new Outcome(action, 0);
              }
              case "subscriptions:performers" -> {
                int count = required(request.performers(), "performers");
                operations.setPerformers(name, count);
                yield new Outcome(action, count);
              }
              case "outbox:resend" -> {
                List<Id> chosen = ids(request.ids());
                operations.resend(chosen);
                yield new Outcome(action, chosen.size());
              }
              case "dead-letters:redrive" ->
                  new Outcome(action, operations.redrive(name, ids(request.ids())));
              case "dead-letters:redrive-matching" ->
                  new Outcome(
                      action,
                      operations.redrive(
                          name,
                          new DeadLetterFilter(request.originalTopic(), request.reasonContains())));
              case "dead-letters:purge" -> new Outcome(action, operations.purge(name));
              default -> throw unknown("action on " + part, action);
            });
  }

  private List<QueueCount> queueCounts() {
    return operations.deadLetterQueues().stream()
        .map(queue -> new QueueCount(queue, operations.deadLetterCount(queue)))
        .toList();
  }

  /** Runs {@code work}, turning the operations' configuration errors into bad requests. */
  private static <T> T call(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
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
      throw new IllegalArgumentException("ids must be given");
    }
    return parsed;
  }

  private static int required(@Nullable Integer value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be given");
    }
    return value;
  }

  private static IllegalArgumentException unknown(String what, String value) {
    return new IllegalArgumentException("Unknown " + what + ": " + value);
  }
}
