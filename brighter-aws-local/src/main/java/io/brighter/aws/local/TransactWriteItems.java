package io.brighter.aws.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighter.aws.local.DynaliteCalls.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's {@code TransactWriteItems}, built from single-item calls to dynalite, which lacks it.
 * The caller holds the front's one lock, so no other request sees or interleaves with a
 * transaction. Follows DynamoDB's documented behaviour:
 *
 * <ul>
 *   <li>1 to 100 actions, each exactly one of {@code Put}, {@code Update}, {@code Delete}, {@code
 *       ConditionCheck}; no two on the same item. Breaking these is a {@code ValidationException}
 *       and nothing is written.
 *   <li>Every condition is evaluated against the items as they were before the transaction. If any
 *       fails, nothing is written and the answer is a {@code TransactionCanceledException} with one
 *       {@code CancellationReasons} entry per action, in order: {@code None}, or {@code
 *       ConditionalCheckFailed} (with the old {@code Item} when the action asked for {@code
 *       ReturnValuesOnConditionCheckFailure: ALL_OLD}).
 *   <li>Otherwise every write is applied. Should one be refused (e.g. a type mismatch in an
 *       update), the old images of the writes already applied are restored and the answer is a
 *       {@code TransactionCanceledException} whose reason for that action is {@code
 *       ValidationError}.
 * </ul>
 *
 * <p>Not modelled: idempotency tokens ({@code ClientRequestToken}), consumed capacity, item
 * collection metrics, and conflicts with other transactions (there are none under one lock).
 */
final class TransactWriteItems {

  static final int MAX_ACTIONS = 100;

  private static final List<String> KINDS = List.of("Put", "Update", "Delete", "ConditionCheck");
  private static final Pattern NAME = Pattern.compile("#[A-Za-z0-9_]+");
  private static final Pattern VALUE = Pattern.compile(":[A-Za-z0-9_]+");

  /** One action of the request, with the key of the item it touches. */
  private record Action(String kind, ObjectNode body, String table, ObjectNode key) {}

  /** The outcome: a status and a JSON body for the client. */
  record Outcome(int status, ObjectNode body) {}

  private final DynaliteCalls dynalite;

  TransactWriteItems(DynaliteCalls dynalite) {
    this.dynalite = dynalite;
  }

  Outcome run(JsonNode request) {
    JsonNode items = request.path("TransactItems");
    if (!items.isArray() || items.isEmpty() || items.size() > MAX_ACTIONS) {
      return validation(
          "1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
              + " Member must have length "
              + (items.size() > MAX_ACTIONS
                  ? "less than or equal to " + MAX_ACTIONS
                  : "greater than or equal to 1"));
    }
    List<Action> actions = new ArrayList<>();
    Set<String> touched = new HashSet<>();
    for (JsonNode item : items) {
      Object parsed = parse(item);
      if (parsed instanceof Outcome failure) {
        return failure;
      }
      Action action = (Action) parsed;
      if (!touched.add(action.table() + " " + sorted(action.key()))) {
        return validation("Transaction request cannot include multiple operations on one item");
      }
      actions.add(action);
    }
    List<@Nullable ObjectNode> oldImages = new ArrayList<>();
    for (Action action : actions) {
      Reply read = dynalite.call("GetItem", getItem(action));
      if (!read.ok()) {
        return passOn(read);
      }
      JsonNode old = read.json().get("Item");
      oldImages.add(old == null ? null : (ObjectNode) old);
    }
    List<ObjectNode> reasons = new ArrayList<>();
    boolean anyFailed = false;
    for (int i = 0; i < actions.size(); i++) {
      Reply check = checkCondition(actions.get(i), oldImages.get(i));
      if (check == null || check.ok()) {
        reasons.add(reason("None", null));
      } else if (check.errorType().equals("ConditionalCheckFailedException")) {
        anyFailed = true;
        ObjectNode reason = reason("ConditionalCheckFailed", "The conditional request failed");
        if (oldImages.get(i) != null
            && "ALL_OLD"
                .equals(
                    actions.get(i).body().path("ReturnValuesOnConditionCheckFailure").asText())) {
          reason.set("Item", oldImages.get(i));
        }
        reasons.add(reason);
      } else {
        return passOn(check);
      }
    }
    if (anyFailed) {
      return cancelled(reasons);
    }
    for (int i = 0; i < actions.size(); i++) {
      Reply write = apply(actions.get(i));
      if (write != null && !write.ok()) {
        for (int done = i - 1; done >= 0; done--) {
          restore(actions.get(done), oldImages.get(done));
        }
        List<ObjectNode> failure = new ArrayList<>();
        for (int j = 0; j < actions.size(); j++) {
          failure.add(
              j == i ? reason("ValidationError", write.errorMessage()) : reason("None", null));
        }
        return cancelled(failure);
      }
    }
    return new Outcome(200, DynaliteCalls.JSON.createObjectNode());
  }

  /** An {@link Action}, or the {@link Outcome} explaining why the item is not one. */
  private Object parse(JsonNode item) {
    List<String> kinds = new ArrayList<>();
    item.fieldNames().forEachRemaining(kinds::add);
    if (kinds.size() != 1 || !KINDS.contains(kinds.getFirst())) {
      return validation(
          "TransactItems can only contain one of Check, Put, Update or Delete, got " + kinds);
    }
    String kind = kinds.getFirst();
    ObjectNode body = (ObjectNode) item.get(kind);
    String table = body.path("TableName").asText("");
    if (!kind.equals("Put")) {
      return new Action(kind, body, table, (ObjectNode) body.path("Key"));
    }
    Reply described = dynalite.call("DescribeTable", object().put("TableName", table));
    if (!described.ok()) {
      return passOn(described);
    }
    ObjectNode key = object();
    for (JsonNode element : described.json().path("Table").path("KeySchema")) {
      String name = element.path("AttributeName").asText();
      JsonNode value = body.path("Item").get(name);
      if (value == null) {
        return validation(
            "One or more parameter values were invalid: Missing the key " + name + " in the item");
      }
      key.set(name, value);
    }
    return new Action(kind, body, table, key);
  }

  /**
   * Evaluates the action's condition against the old image without changing it: a conditional put
   * of the old image, or a conditional delete when there is none. Null when there is no condition.
   */
  private @Nullable Reply checkCondition(Action action, @Nullable ObjectNode old) {
    String condition = action.body().path("ConditionExpression").asText(null);
    if (condition == null) {
      return null;
    }
    ObjectNode check =
        object().put("TableName", action.table()).put("ConditionExpression", condition);
    copyUsed(action.body(), check, condition);
    if (old != null) {
      check.set("Item", old);
      return dynalite.call("PutItem", check);
    }
    check.set("Key", action.key());
    return dynalite.call("DeleteItem", check);
  }

  /** Applies the action's write without its condition; null for a condition check. */
  private @Nullable Reply apply(Action action) {
    ObjectNode write = object().put("TableName", action.table());
    return switch (action.kind()) {
      case "Put" -> dynalite.call("PutItem", write.set("Item", action.body().get("Item")));
      case "Delete" -> dynalite.call("DeleteItem", write.set("Key", action.key()));
      case "Update" -> {
        String update = action.body().path("UpdateExpression").asText();
        write.set("Key", action.key());
        write.put("UpdateExpression", update);
        copyUsed(action.body(), write, update);
        yield dynalite.call("UpdateItem", write);
      }
      default -> null;
    };
  }

  private void restore(Action action, @Nullable ObjectNode old) {
    ObjectNode write = object().put("TableName", action.table());
    if (old != null) {
      dynalite.call("PutItem", write.set("Item", old));
    } else {
      dynalite.call("DeleteItem", write.set("Key", action.key()));
    }
  }

  private static ObjectNode getItem(Action action) {
    ObjectNode get = object().put("TableName", action.table()).put("ConsistentRead", true);
    get.set("Key", action.key());
    return get;
  }

  /**
   * Copies the attribute names and values {@code expression} uses (DynamoDB refuses unused ones).
   */
  private static void copyUsed(ObjectNode from, ObjectNode to, String expression) {
    copyMatching(from, to, "ExpressionAttributeNames", NAME.matcher(expression));
    copyMatching(from, to, "ExpressionAttributeValues", VALUE.matcher(expression));
  }

  private static void copyMatching(ObjectNode from, ObjectNode to, String field, Matcher used) {
    JsonNode all = from.get(field);
    if (all == null) {
      return;
    }
    ObjectNode kept = object();
    while (used.find()) {
      JsonNode value = all.get(used.group());
      if (value != null) {
        kept.set(used.group(), value);
      }
    }
    if (!kept.isEmpty()) {
      to.set(field, kept);
    }
  }

  private static String sorted(ObjectNode key) {
    Map<String, String> sorted = new TreeMap<>();
    key.properties().forEach(field -> sorted.put(field.getKey(), field.getValue().toString()));
    return sorted.toString();
  }

  private static ObjectNode reason(String code, @Nullable String message) {
    ObjectNode reason = object().put("Code", code);
    if (message != null) {
      reason.put("Message", message);
    }
    return reason;
  }

  private static Outcome cancelled(List<ObjectNode> reasons) {
    ArrayNode array = DynaliteCalls.JSON.createArrayNode();
    reasons.forEach(array::add);
    String codes = String.join(", ", reasons.stream().map(r -> r.path("Code").asText()).toList());
    ObjectNode body =
        object()
            .put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
            .put(
                "message",
                "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                    + codes
                    + "]");
    body.set("CancellationReasons", array);
    return new Outcome(400, body);
  }

  private static Outcome validation(String message) {
    return new Outcome(
        400,
        object()
            .put("__type", "com.amazon.coral.validate#ValidationException")
            .put("message", message));
  }

  private static Outcome passOn(Reply reply) {
    return new Outcome(reply.status(), (ObjectNode) reply.json());
  }

  private static ObjectNode object() {
    return DynaliteCalls.JSON.createObjectNode();
  }
}
