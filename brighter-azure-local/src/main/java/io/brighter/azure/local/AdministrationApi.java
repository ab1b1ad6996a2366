package io.brighter.azure.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.brighter.azure.local.MessageStore.EntitySettings;
import io.brighter.azure.local.ServiceBusNamespace.Rule;
import io.brighter.azure.local.ServiceBusNamespace.Subscription;
import io.brighter.azure.local.ServiceBusNamespace.Topic;
import io.brighter.local.DaemonHttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The front's administration endpoint: the ATOM REST calls of the SDK's administration client for
 * queues ({@code /queue}), topics ({@code /topic}), subscriptions ({@code
 * /topic/subscriptions/name}) and their rules ({@code .../rules/name}): {@code PUT} creates (201;
 * 409 when it exists, unless {@code If-Match: *} asks to update), {@code GET} reads (404 when
 * missing), {@code DELETE} removes. A description is kept as the client sent it and given back as
 * the entry's content; the front reads from it the lock duration, the maximum delivery count,
 * whether sessions are required, and a rule's filter ({@link SqlFilter}).
 */
final class AdministrationApi {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final Pattern CONTENT =
      Pattern.compile("(?s)<(?:\\w+:)?content[^>]*>(.*)</(?:\\w+:)?content>");

  private final ServiceBusNamespace namespace;
  private final HttpServer server;

  AdministrationApi(ServiceBusNamespace namespace) throws IOException {
    this.namespace = namespace;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "local-servicebus-admin");
              thread.setDaemon(true);
              return thread;
            }));
    DaemonHttpServers.start(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path =
          URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      List<String> parts = new ArrayList<>();
      for (String part : path.split("/")) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Response response = route(exchange.getRequestMethod(), parts, body, exchange);
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set("Content-Type", "application/atom+xml;type=entry;charset=utf-8");
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (RuntimeException e) {
      System.getLogger(AdministrationApi.class.getName())
          .log(System.Logger.Level.WARNING, "Administration call failed", e);
    }
  }

  private record Response(int status, String body) {}

  private Response route(String method, List<String> parts, String body, HttpExchange exchange) {
    boolean update = "*".equals(exchange.getRequestHeaders().getFirst("If-Match"));
    String url =
        "https://" + exchange.getRequestHeaders().getFirst("Host") + "/" + String.join("/", parts);
    if (parts.size() == 1) {
      return entity(method, parts.get(0), body, update, url);
    }
    if (parts.size() == 3 && parts.get(1).equalsIgnoreCase("subscriptions")) {
      return subscription(method, parts.get(0), parts.get(2), body, update, url);
    }
    if (parts.size() == 5
        && parts.get(1).equalsIgnoreCase("subscriptions")
        && parts.get(3).equalsIgnoreCase("rules")) {
      return rule(method, parts.get(0), parts.get(2), parts.get(4), body, update, url);
    }
    return notFound("No such resource: /" + String.join("/", parts));
  }

  private Response entity(String method, String name, String body, boolean update, String url) {
    synchronized (namespace) {
      ServiceBusNamespace.Queue queue = namespace.queue(name);
      Topic topic = namespace.topic(name);
      switch (method) {
        case "GET" -> {
          if (queue != null) {
            return entry(200, url, queue.name(), queue.description());
          }
          return topic == null
              ? notFound(name)
              : entry(200, url, topic.name(), topic.description());
        }
        case "DELETE" -> {
          return namespace.deleteQueue(name) || namespace.deleteTopic(name)
              ? new Response(200, "")
              : notFound(name);
        }
        case "PUT" -> {
          String description = content(body);
          if ((queue != null || topic != null) && !update) {
            return conflict(name);
          }
          if (description.contains("QueueDescription")) {
            ServiceBusNamespace.Queue made =
                namespace.putQueue(name, settings(description), description);
            return entry(update ? 200 : 201, url, made.name(), made.description());
          }
          Topic made = namespace.putTopic(name, description);
          return entry(update ? 200 : 201, url, made.name(), made.description());
        }
        default -> {
          return new Response(405, "");
        }
      }
    }
  }

  private Response subscription(
      String method, String topicName, String name, String body, boolean update, String url) {
    synchronized (namespace) {
      Topic topic = namespace.topic(topicName);
      if (topic == null) {
        return notFound(topicName);
      }
      Subscription subscription = namespace.subscription(topicName, name);
      switch (method) {
        case "GET" -> {
          return subscription == null
              ? notFound(topicName + "/subscriptions/" + name)
              : entry(200, url, subscription.name(), subscription.description());
        }
        case "DELETE" -> {
          return namespace.deleteSubscription(topic, name)
              ? new Response(200, "")
              : notFound(topicName + "/subscriptions/" + name);
        }
        case "PUT" -> {
          if (subscription != null && !update) {
            return conflict(name);
          }
          String description = content(body);
          Subscription made =
              namespace.putSubscription(topic, name, settings(description), description);
          if (subscription == null) {
            String rule = element(description, "DefaultRuleDescription");
            namespace.putRule(
                made,
                new Rule(
                    "$Default",
                    rule == null ? message -> true : SqlFilter.ofRule(rule),
                    rule == null ? "" : rule));
          }
          return entry(update ? 200 : 201, url, made.name(), made.description());
        }
        default -> {
          return new Response(405, "");
        }
      }
    }
  }

  private Response rule(
      String method,
      String topicName,
      String subscriptionName,
      String name,
      String body,
      boolean update,
      String url) {
    synchronized (namespace) {
      Subscription subscription = namespace.subscription(topicName, subscriptionName);
      if (subscription == null) {
        return notFound(topicName + "/subscriptions/" + subscriptionName);
      }
      Rule rule = namespace.rule(subscription, name);
      switch (method) {
        case "GET" -> {
          return rule == null ? notFound(name) : entry(200, url, rule.name(), rule.description());
        }
        case "DELETE" -> {
          return namespace.deleteRule(subscription, name) ? new Response(200, "") : notFound(name);
        }
        case "PUT" -> {
          if (rule != null && !update) {
            return conflict(name);
          }
          String description = content(body);
          try {
            namespace.putRule(
                subscription, new Rule(name, SqlFilter.ofRule(description), description));
          } catch (IllegalArgumentException e) {
            return new Response(400, error(400, String.valueOf(e.getMessage())));
          }
          return entry(update ? 200 : 201, url, name, description);
        }
        default -> {
          return new Response(405, "");
        }
      }
    }
  }

  /** The settings in a queue's or subscription's description, the service's defaults elsewhere. */
  static EntitySettings settings(String description) {
    EntitySettings defaults = EntitySettings.DEFAULT;
    String lock = element(description, "LockDuration");
    String count = element(description, "MaxDeliveryCount");
    String sessions = element(description, "RequiresSession");
    Duration lockDuration = defaults.lockDuration();
    if (lock != null) {
      try {
        lockDuration = Duration.parse(lock.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("LockDuration is not an ISO 8601 duration: " + lock, e);
      }
    }
    return new EntitySettings(
        lockDuration,
        count == null ? defaults.maxDeliveryCount() : Integer.parseInt(count.strip()),
        sessions == null ? defaults.requiresSession() : Boolean.parseBoolean(sessions.strip()));
  }

  /** The text inside the first element named {@code name}, whatever its prefix; null if none. */
  static @Nullable String element(String xml, String name) {
    Matcher matcher =
        Pattern.compile("(?s)<(?:\\w+:)?" + name + "(?:\\s[^>]*)?>(.*?)</(?:\\w+:)?" + name + ">")
            .matcher(xml);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String content(String body) {
    Matcher matcher = CONTENT.matcher(body);
    return matcher.find() ? matcher.group(1).strip() : "";
  }

  private static Response entry(int status, String url, String title, String description) {
    String now = Instant.now().toString();
    return new Response(
        status,
        "<entry xmlns=\""
            + ATOM
            + "\"><id>"
            + url
            + "</id><title type=\"text\">"
            + title
            + "</title><published>"
            + now
            + "</published><updated>"
            + now
            + "</updated><author><name>brighter-local</name></author><link rel=\"self\" href=\""
            + url
            + "\"/><content type=\"application/xml\">"
            + description
            + "</content></entry>");
  }

  private static Response notFound(String name) {
    return new Response(404, error(404, "The messaging entity '" + name + "' could not be found."));
  }

  private static Response conflict(String name) {
    return new Response(409, error(409, "The messaging entity '" + name + "' already exists."));
  }

  private static String error(int code, String detail) {
    return "<Error><Code>" + code + "</Code><Detail>" + detail + "</Detail></Error>";
  }
}
