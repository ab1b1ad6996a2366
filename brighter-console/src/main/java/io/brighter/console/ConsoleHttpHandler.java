package io.brighter.console;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.brighter.operations.BrighterOperations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console and its API on the JDK's own HTTP server, for services without Spring: mounted at a
 * context such as {@code /brighter}, it serves the page at {@code /brighter/console} and {@link
 * OperationsApi} at {@code /brighter/api}. Writes (POST) answer only when allowed; otherwise 403.
 * The server's executor runs the requests; the handler keeps no state of its own between them.
 *
 * {@snippet :
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/brighter", new ConsoleHttpHandler(operations, true));
 * }
 *
 * <p>The API steers the service and shows its messages: serve it on loopback, or behind what
 * authenticates operators.
 */
public final class ConsoleHttpHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleHttpHandler.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private final OperationsApi api;
  private final boolean writesAllowed;
  private final ConsolePage console = ConsolePage.of("api", "console");

  /** The console and API of {@code operations}; POSTs answer only when {@code writesAllowed}. */
  public ConsoleHttpHandler(BrighterOperations operations, boolean writesAllowed) {
    this.api = new OperationsApi(requireNonNull(operations, "operations must not be null"));
    this.writesAllowed = writesAllowed;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (IllegalArgumentException e) {
      send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      LOG.warn("The console's request {} failed", exchange.getRequestURI(), e);
      send(exchange, 500, Map.of("error", e.toString()));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    List<String> path = segments(exchange);
    String method = exchange.getRequestMethod();
    if (path.isEmpty() || path.getFirst().equals("console")) {
      serveConsole(exchange, path);
    } else if (path.getFirst().equals("api") && method.equals("GET")) {
      read(exchange, path.subList(1, path.size()), limit(exchange));
    } else if (path.getFirst().equals("api") && method.equals("POST")) {
      write(exchange, path.subList(1, path.size()));
    } else {
      send(exchange, 404, Map.of("error", "Not found"));
    }
  }

  private void serveConsole(HttpExchange exchange, List<String> path) throws IOException {
    String file = path.size() < 2 ? "" : path.get(1);
    switch (file) {
      case "" -> text(exchange, "text/html; charset=utf-8", console.page());
      case "console.js" -> text(exchange, "text/javascript; charset=utf-8", console.script());
      case "console.css" -> text(exchange, "text/css; charset=utf-8", console.styles());
      default -> send(exchange, 404, Map.of("error", "Not found"));
    }
  }

  private void read(HttpExchange exchange, List<String> path, @Nullable Integer limit)
      throws IOException {
    Object answer =
        switch (path.size()) {
          case 0 -> api.overview();
          case 1 -> api.part(path.get(0), limit);
          case 2 -> api.deadLetters(path.get(0), path.get(1), limit);
          case 3 -> api.message(path.get(0), path.get(1), path.get(2));
          default -> throw new IllegalArgumentException("Unknown path: " + String.join("/", path));
        };
    if (answer == null) {
      send(exchange, 404, Map.of("error", "No such message"));
    } else {
      send(exchange, 200, answer);
    }
  }

  private void write(HttpExchange exchange, List<String> path) throws IOException {
    if (!writesAllowed) {
      send(exchange, 403, Map.of("error", "This console is read-only"));
      return;
    }
    if (path.size() != 2) {
      throw new IllegalArgumentException("Unknown path: " + String.join("/", path));
    }
    OperationsApi.Action action;
    try (InputStream body = exchange.getRequestBody()) {
      action = JSON.readValue(body, OperationsApi.Action.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("The body is not an action: " + e.getMessage(), e);
    }
    if (action.action() == null) {
      throw new IllegalArgumentException("action must be given");
    }
    send(exchange, 200, api.act(path.get(0), path.get(1), action));
  }

  private static List<String> segments(HttpExchange exchange) {
    String context = exchange.getHttpContext().getPath();
    String path = exchange.getRequestURI().getRawPath();
    String rest = path.length() > context.length() ? path.substring(context.length()) : "";
    return Arrays.stream(rest.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
        .toList();
  }

  private static @Nullable Integer limit(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("limit=")) {
        try {
          return Integer.valueOf(pair.substring("limit=".length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("limit must be a whole number", e);
        }
      }
    }
    return null;
  }

  private static void text(HttpExchange exchange, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
