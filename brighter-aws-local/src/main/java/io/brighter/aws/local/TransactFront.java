package io.brighter.aws.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.brighter.aws.local.DynaliteCalls.Reply;
import io.brighter.local.DaemonHttpServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An HTTP front to dynalite speaking DynamoDB's JSON protocol: it answers {@code
 * TransactWriteItems} itself (see {@link TransactWriteItems}), and {@code UpdateTimeToLive} and
 * {@code DescribeTimeToLive} from its own memory (it records the setting; nothing expires), and
 * passes every other request to dynalite unchanged. Every request runs under one lock, so a
 * transaction is atomic as every client sees it.
 */
final class TransactFront {

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final DynaliteCalls dynalite;
  private final TransactWriteItems transactions;
  private final Map<String, String> timeToLive = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  private TransactFront(DynaliteCalls dynalite, HttpServer server) {
    this.dynalite = dynalite;
    this.transactions = new TransactWriteItems(dynalite);
    this.server = server;
  }

  /** A front on a free loopback port before dynalite on {@code dynalitePort}. */
  static TransactFront start(int dynalitePort) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      TransactFront front = new TransactFront(new DynaliteCalls(dynalitePort), server);
      server.createContext("/", front::handle);
      server.setExecutor(front.executor);
      DaemonHttpServers.start(server);
      return front;
    } catch (IOException e) {
      throw new IllegalStateException("Could not open the DynamoDB front's port", e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      lock.lock();
      try {
        switch (operation) {
          case "TransactWriteItems" -> {
            TransactWriteItems.Outcome outcome =
                transactions.run(DynaliteCalls.JSON.readTree(body));
            answer(exchange, outcome.status(), outcome.body());
          }
          case "UpdateTimeToLive" -> timeToLive(exchange, DynaliteCalls.JSON.readTree(body), true);
          case "DescribeTimeToLive" ->
              timeToLive(exchange, DynaliteCalls.JSON.readTree(body), false);
          default -> pass(exchange, dynalite.forward(exchange.getRequestHeaders(), body));
        }
      } catch (RuntimeException e) {
        answer(
            exchange,
            500,
            DynaliteCalls.JSON
                .createObjectNode()
                .put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError")
                .put("message", "The front failed: " + e));
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Answers {@code UpdateTimeToLive} ({@code update}) or {@code DescribeTimeToLive} from the
   * settings this front records, for an existing table.
   */
  private void timeToLive(HttpExchange exchange, JsonNode request, boolean update)
      throws IOException {
    String table = request.path("TableName").asText();
    Reply described = describe(table);
    if (!described.ok()) {
      pass(exchange, described);
      return;
    }
    ObjectNode answer = DynaliteCalls.JSON.createObjectNode();
    if (update) {
      JsonNode spec = request.path("TimeToLiveSpecification");
      if (spec.path("Enabled").asBoolean()) {
        timeToLive.put(table, spec.path("AttributeName").asText());
      } else {
        timeToLive.remove(table);
      }
      answer.set("TimeToLiveSpecification", spec);
    } else {
      String attribute = timeToLive.get(table);
      ObjectNode description =
          answer
              .putObject("TimeToLiveDescription")
              .put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
      if (attribute != null) {
        description.put("AttributeName", attribute);
      }
    }
    answer(exchange, 200, answer);
  }

  private Reply describe(String table) {
    return dynalite.call(
        "DescribeTable", DynaliteCalls.JSON.createObjectNode().put("TableName", table));
  }

  private static void pass(HttpExchange exchange, Reply reply) throws IOException {
    for (String header : List.of("x-amzn-RequestId", "x-amz-crc32")) {
      reply.headers().entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(header))
          .forEach(entry -> exchange.getResponseHeaders().put(header, entry.getValue()));
    }
    send(exchange, reply.status(), reply.body());
  }

  private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
    exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
    send(exchange, status, DynaliteCalls.JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
