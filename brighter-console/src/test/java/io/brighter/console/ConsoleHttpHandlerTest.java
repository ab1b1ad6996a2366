package io.brighter.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.operations.BrighterOperations;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console and its API on the JDK's HTTP server, over a service on the in-memory bus: the page,
 * the overview, a poison message's dead letter listed, shown and re-driven over HTTP; bad requests
 * answered 400, and writes 403 on a read-only console.
 */
class ConsoleHttpHandlerTest {

  record Ordered(Id id, String item) implements Event {}

  static final List<String> SHIPPED = new CopyOnWriteArrayList<>();
  static final AtomicBoolean REFUSE_POISON = new AtomicBoolean(true);

  static final class OrderedHandler extends RequestHandler<Ordered> {
    @Override
    public Ordered handle(Ordered event) {
      if (event.item().equals("poison") && REFUSE_POISON.get()) {
        throw new IllegalStateException("cannot ship poison");
      }
      SHIPPED.add(event.item());
      return super.handle(event);
    }
  }

  private static final RoutingKey ORDERS = RoutingKey.of("orders");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryBus bus = new InMemoryBus();
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(
              new SubscriberRegistry().register(Ordered.class, OrderedHandler.class),
              new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              new InMemoryMessageProducer(
                                  bus,
                                  Publication.builder()
                                      .topic(ORDERS)
                                      .requestType(Ordered.class)
                                      .build()))))
                  .outbox(new InMemoryOutbox())
                  .build())
          .build();
  private final Dispatcher dispatcher =
      new DispatcherBuilder()
          .commandProcessor(processor)
          .mappers(new MessageMapperRegistry())
          .subscriptions(
              List.of(
                  Subscription.builder()
                      .name("orders")
                      .routingKey(ORDERS)
                      .requestType(Ordered.class)
                      .timeout(Duration.ofMillis(20))
                      .channelFactory(new InMemoryChannelFactory(bus))
                      .build()))
          .build();
  private final BrighterOperations operations =
      BrighterOperations.builder().dispatcher(dispatcher).build();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  private void serve(boolean writesAllowed) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/brighter", new ConsoleHttpHandler(operations, writesAllowed));
    server.start();
    dispatcher.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    dispatcher.stop();
    SHIPPED.clear();
    REFUSE_POISON.set(true);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/brighter" + path))
        .timeout(Duration.ofSeconds(10));
  }

  @Test
  void the_page_names_its_api_and_loads_its_script() throws Exception {
    serve(true);

    HttpResponse<String> page = get("/console");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("<meta name=\"brighter-endpoint\" content=\"api\">")
        .contains("src=\"console/console.js\"");
    assertThat(get("/console/console.js").body()).contains("brighter-endpoint");
  }

  @Test
  void a_dead_letter_is_listed_shown_and_redriven() throws Exception {
    serve(true);
    Id poison = Id.random();
    processor.post(new Ordered(poison, "poison"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(get("/api").body()).contains("{\"name\":\"orders.dlq\",\"count\":1}"));
    JsonNode letters = JSON.readTree(get("/api/dead-letters/orders.dlq").body());
    assertThat(letters.get(0).path("id").asText()).isEqualTo(poison.value());
    assertThat(letters.get(0).path("reason").asText()).contains("cannot ship poison");
    assertThat(letters.get(0).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(
            JSON.readTree(get("/api/dead-letters/orders.dlq/" + poison.value()).body())
                .path("body")
                .asText())
        .contains("poison");

    REFUSE_POISON.set(false);
    HttpResponse<String> redriven =
        post(
            "/api/dead-letters/orders.dlq",
            "{\"action\":\"redrive\",\"ids\":\"" + poison.value() + "\"}");

    assertThat(redriven.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(redriven.body()).path("count").asInt()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> SHIPPED.contains("poison"));
    assertThat(get("/api/dead-letters/orders.dlq/" + poison.value()).statusCode()).isEqualTo(404);
  }

  @Test
  void a_bad_request_is_answered_400_with_its_reason() throws Exception {
    serve(true);

    HttpResponse<String> unknown = post("/api/dead-letters/orders.dlq", "{\"action\":\"explode\"}");
    HttpResponse<String> noQueue = get("/api/dead-letters/no-such.dlq");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Unknown action on dead-letters: explode");
    assertThat(noQueue.statusCode()).isEqualTo(400);
    assertThat(noQueue.body()).contains("No dead-letter queue named no-such.dlq");
  }

  @Test
  void a_read_only_console_refuses_writes() throws Exception {
    serve(false);

    HttpResponse<String> shut = post("/api/subscriptions/orders", "{\"action\":\"shut\"}");

    assertThat(shut.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(get("/api/subscriptions").body()).get(0).path("running").asInt())
        .isEqualTo(1);
  }
}
