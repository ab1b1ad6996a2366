package io.brighter.azure.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.qpid.proton.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * A subscription rule's filter, read from its {@code RuleDescription}: {@code TrueFilter}, {@code
 * FalseFilter}, {@code CorrelationFilter} (correlation id, label, message id, to, reply-to, session
 * id, content type and user properties, all that are given must match), or a {@code SqlFilter} in
 * the part of Service Bus's SQL the front models: {@code AND}, {@code OR}, {@code NOT},
 * parentheses; {@code = <> != < <= > >=}; {@code IS [NOT] NULL}; {@code [NOT] IN (…)}; {@code [NOT]
 * LIKE} with {@code %} and {@code _}; {@code EXISTS(name)}; string, number, {@code TRUE}, {@code
 * FALSE} and {@code NULL} literals; user properties by bare name, {@code user.name} or {@code
 * [name]}, and system properties as {@code sys.Label}, {@code sys.MessageId}, {@code
 * sys.CorrelationId}, {@code sys.To}, {@code sys.ReplyTo}, {@code sys.ContentType}, {@code
 * sys.SessionId}. Arithmetic and functions are not modelled: such an expression is refused.
 */
final class SqlFilter {

  private SqlFilter() {}

  /** The filter of a rule description. */
  static ServiceBusNamespace.Filter ofRule(String description) {
    String filter = AdministrationApi.element(description, "Filter");
    if (filter == null || description.contains("TrueFilter")) {
      return message -> true;
    }
    if (description.contains("FalseFilter")) {
      return message -> false;
    }
    if (description.contains("CorrelationFilter")) {
      return correlation(filter);
    }
    String expression = AdministrationApi.element(filter, "SqlExpression");
    if (expression == null) {
      throw new IllegalArgumentException("A SqlFilter needs a SqlExpression");
    }
    return parse(unescape(expression));
  }

  /** The filter of a SQL expression. */
  static ServiceBusNamespace.Filter parse(String expression) {
    Parser parser = new Parser(tokens(expression));
    Node node = parser.or();
    if (!parser.done()) {
      throw new IllegalArgumentException(
          "Cannot read the filter expression after '" + parser.peek() + "': " + expression);
    }
    return message -> Boolean.TRUE.equals(node.evaluate(message));
  }

  private static ServiceBusNamespace.Filter correlation(String filter) {
    Map<String, String> system =
        Map.of(
            "CorrelationId", "sys.correlationid",
            "Label", "sys.label",
            "MessageId", "sys.messageid",
            "To", "sys.to",
            "ReplyTo", "sys.replyto",
            "SessionId", "sys.sessionid",
            "ContentType", "sys.contenttype");
    List<Node> tests = new ArrayList<>();
    system.forEach(
        (element, property) -> {
          String value = AdministrationApi.element(filter, element);
          if (value != null) {
            tests.add(compare(new Property(property), "=", new Literal(unescape(value))));
          }
        });
    java.util.regex.Matcher pairs =
        Pattern.compile(
                "(?s)<(?:\\w+:)?Key>(.*?)</(?:\\w+:)?Key>\\s*<(?:\\w+:)?Value[^>]*>(.*?)</(?:\\w+:)?Value>")
            .matcher(filter);
    while (pairs.find()) {
      tests.add(
          compare(
              new Property(unescape(pairs.group(1))), "=", new Literal(unescape(pairs.group(2)))));
    }
    return message -> tests.stream().allMatch(test -> Boolean.TRUE.equals(test.evaluate(message)));
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  /** A part of an expression: a value, or a test whose value is a Boolean (null for unknown). */
  private interface Node {
    @Nullable Object evaluate(Message message);
  }

  private record Literal(@Nullable Object value) implements Node {
    @Override
    public @Nullable Object evaluate(Message message) {
      return value;
    }
  }

  private record Property(String name) implements Node {
    @Override
    public @Nullable Object evaluate(Message message) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("sys.")) {
        return switch (lower.substring(4)) {
          case "label", "subject" -> message.getSubject();
          case "messageid" -> text(message.getMessageId());
          case "correlationid" -> text(message.getCorrelationId());
          case "to" -> message.getAddress();
          case "replyto" -> message.getReplyTo();
          case "contenttype" -> message.getContentType();
          case "sessionid" -> message.getGroupId();
          default -> null;
        };
      }
      String key = lower.startsWith("user.") ? name.substring(5) : name;
      if (message.getApplicationProperties() == null) {
        return null;
      }
      for (Map.Entry<String, Object> entry :
          message.getApplicationProperties().getValue().entrySet()) {
        if (entry.getKey().equalsIgnoreCase(key)) {
          return entry.getValue();
        }
      }
      return null;
    }

    private static @Nullable String text(@Nullable Object value) {
      return value == null ? null : value.toString();
    }
  }

  private static Node compare(Node left, String operator, Node right) {
    return message -> {
      Object a = left.evaluate(message);
      Object b = right.evaluate(message);
      if (a == null || b == null) {
        return null;
      }
      int order;
      if (a instanceof Number x && b instanceof Number y) {
        order = Double.compare(x.doubleValue(), y.doubleValue());
      } else if (a instanceof Boolean || b instanceof Boolean) {
        if (!(operator.equals("=") || operator.equals("<>"))) {
          return null;
        }
        order = Objects.equals(a, b) ? 0 : 1;
      } else {
        order = a.toString().compareTo(b.toString());
      }
      return switch (operator) {
        case "=" -> order == 0;
        case "<>" -> order != 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    };
  }

  private static List<String> tokens(String expression) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder text = new StringBuilder("'");
        i++;
        while (true) {
          if (i >= expression.length()) {
            throw new IllegalArgumentException("Unclosed string in " + expression);
          }
          char d = expression.charAt(i++);
          if (d == '\'') {
            if (i < expression.length() && expression.charAt(i) == '\'') {
              text.append('\'');
              i++;
            } else {
              break;
            }
          } else {
            text.append(d);
          }
        }
        tokens.add(text.toString());
      } else if (c == '[') {
        int end = expression.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("Unclosed [ in " + expression);
        }
        tokens.add("[" + expression.substring(i + 1, end));
        i = end + 1;
      } else if ("(),".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if ("<>!=".indexOf(c) >= 0) {
        String two = i + 1 < expression.length() ? expression.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=") || two.equals("!=")) {
          tokens.add(two.equals("!=") ? "<>" : two);
          i += 2;
        } else {
          tokens.add(String.valueOf(c));
          i++;
        }
      } else {
        int start = i;
        while (i < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(i))
                || ".-_$".indexOf(expression.charAt(i)) >= 0)) {
          i++;
        }
        if (start == i) {
          throw new IllegalArgumentException(
              "The front does not model '" + c + "' in filters: " + expression);
        }
        tokens.add(expression.substring(start, i));
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int position;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean done() {
      return position == tokens.size();
    }

    String peek() {
      return done() ? "" : tokens.get(position);
    }

    private boolean accept(String word) {
      if (peek().equalsIgnoreCase(word)) {
        position++;
        return true;
      }
      return false;
    }

    private void expect(String word) {
      if (!accept(word)) {
        throw new IllegalArgumentException("Expected '" + word + "' but found '" + peek() + "'");
      }
    }

    Node or() {
      Node left = and();
      while (accept("OR")) {
        Node a = left;
        Node b = and();
        left =
            message -> {
              Object x = a.evaluate(message);
              Object y = b.evaluate(message);
              if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
                return true;
              }
              return x == null || y == null ? null : false;
            };
      }
      return left;
    }

    Node and() {
      Node left = not();
      while (accept("AND")) {
        Node a = left;
        Node b = not();
        left =
            message -> {
              Object x = a.evaluate(message);
              Object y = b.evaluate(message);
              if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                return false;
              }
              return x == null || y == null ? null : true;
            };
      }
      return left;
    }

    Node not() {
      if (accept("NOT")) {
        Node inner = not();
        return message -> {
          Object value = inner.evaluate(message);
          return value == null ? null : !Boolean.TRUE.equals(value);
        };
      }
      return predicate();
    }

    Node predicate() {
      if (accept("(")) {
        Node inner = or();
        expect(")");
        return inner;
      }
      if (accept("EXISTS")) {
        expect("(");
        Node property = operand();
        expect(")");
        return message -> property.evaluate(message) != null;
      }
      Node left = operand();
      if (accept("IS")) {
        boolean negated = accept("NOT");
        expect("NULL");
        return message -> (left.evaluate(message) == null) != negated;
      }
      boolean negated = accept("NOT");
      if (accept("IN")) {
        expect("(");
        List<Node> values = new ArrayList<>();
        do {
          values.add(operand());
        } while (accept(","));
        expect(")");
        return message -> {
          Object value = left.evaluate(message);
          if (value == null) {
            return null;
          }
          boolean found =
              values.stream()
                  .anyMatch(
                      candidate ->
                          Boolean.TRUE.equals(compare(left, "=", candidate).evaluate(message)));
          return found != negated;
        };
      }
      if (accept("LIKE")) {
        if (!(operand() instanceof Literal literal) || literal.value() == null) {
          throw new IllegalArgumentException("LIKE takes a string pattern");
        }
        Pattern regex = like(literal.value().toString());
        return message -> {
          Object value = left.evaluate(message);
          return value == null ? null : regex.matcher(value.toString()).matches() != negated;
        };
      }
      if (negated) {
        throw new IllegalArgumentException("Expected IN or LIKE after NOT");
      }
      String operator = peek();
      if (List.of("=", "<>", "<", "<=", ">", ">=").contains(operator)) {
        position++;
        return compare(left, operator, operand());
      }
      return message -> {
        Object value = left.evaluate(message);
        return value instanceof Boolean ? value : null;
      };
    }

    Node operand() {
      if (done()) {
        throw new IllegalArgumentException("The filter expression ends too soon");
      }
      String token = tokens.get(position++);
      if (token.startsWith("'")) {
        return new Literal(token.substring(1));
      }
      if (token.startsWith("[")) {
        return new Property(token.substring(1));
      }
      if (token.equalsIgnoreCase("TRUE")) {
        return new Literal(true);
      }
      if (token.equalsIgnoreCase("FALSE")) {
        return new Literal(false);
      }
      if (token.equalsIgnoreCase("NULL")) {
        return new Literal(null);
      }
      if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
        try {
          return new Literal(
              token.contains(".") ? (Object) Double.parseDouble(token) : Long.parseLong(token));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Not a number: " + token, e);
        }
      }
      if (List.of("(", ")", ",", "=", "<>", "<", "<=", ">", ">=").contains(token)) {
        throw new IllegalArgumentException("Expected a value but found '" + token + "'");
      }
      return new Property(token);
    }
  }

  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
