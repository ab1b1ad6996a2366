package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

/**
 * The actuator endpoint {@code brighter} over HTTP, on an application with the in-memory bus: the
 * overview, a poison message's dead letter listed and shown, re-driven once its handler takes it, a
 * subscription shut; and writes refused while the endpoint's access is read-only.
 */
class BrighterEndpointIT {

  record Ordered(Id id, String item) implements Event {}

  static final List<String> SHIPPED = new CopyOnWriteArrayList<>();
  static final AtomicBoolean REFUSE_POISON = new AtomicBoolean(true);

  /** Ships each order, refusing poison while told to. */
  @Scope("prototype")
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

  static final RoutingKey ORDERS = RoutingKey.of("orders");

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"
      })
  @Import(OrderedHandler.class)
  static class App {
    @Bean
    InMemoryBus bus() {
      return new InMemoryBus();
    }

    @Bean
    MessageProducer ordersProducer(InMemoryBus bus) {
      return new InMemoryMessageProducer(
          bus, Publication.builder().topic(ORDERS).requestType(Ordered.class).build());
    }

    @Bean
    Subscription orders(InMemoryBus bus) {
      return Subscription.builder()
          .name("orders")
          .routingKey(ORDERS)
          .requestType(Ordered.class)
          .timeout(Duration.ofMillis(50))
          .channelFactory(new InMemoryChannelFactory(bus))
          .build();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = send(port, HttpRequest.newBuilder().GET(), path);
    assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static HttpResponse<String> post(int port, String path, String json) throws Exception {
    return send(
        port,
        HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        path);
  }

  private static HttpResponse<String> send(int port, HttpRequest.Builder request, String path)
      throws Exception {
    return HTTP.send(
        request
            .uri(URI.create("http://127.0.0.1:" + port + "/actuator/brighter" + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @AfterEach
  void reset() {
    SHIPPED.clear();
    REFUSE_POISON.set(true);
  }

  @Nested
  @SpringBootTest(
      classes = App.class,
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
        "brighter.sweeper.enabled=false",
        "management.endpoints.web.exposure.include=brighter",
        "management.endpoint.brighter.access=unrestricted"
      })
  class Unrestricted {

    @Value("${local.server.port}")
    int port;

    @Autowired CommandProcessor processor;

    @Test
    void a_dead_letter_is_listed_shown_and_redriven_and_a_subscription_shut() throws Exception {
      processor.post(new Ordered(Id.random(), "book"));
      Id poison = Id.random();
      processor.post(new Ordered(poison, "poison"));
      String queue = "orders.dlq";

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(get(port, "").path("deadLetterQueues").toString())
                      .contains("{\"name\":\"orders.dlq\",\"count\":1}"));
      JsonNode overview = get(port, "");
      assertThat(overview.path("subscriptions").get(0).path("name").asText()).isEqualTo("orders");
      assertThat(overview.path("subscriptions").get(0).path("handled").asLong()).isEqualTo(1);
      assertThat(overview.path("subscriptions").get(0).path("rejected").asLong()).isEqualTo(1);

      JsonNode letters = get(port, "/dead-letters/" + queue);
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).path("id").asText()).isEqualTo(poison.value());
      assertThat(letters.get(0).path("topic").asText()).isEqualTo("orders");
      assertThat(letters.get(0).path("reason").asText()).contains("cannot ship poison");
      JsonNode shown = get(port, "/dead-letters/" + queue + "/" + poison.value());
      assertThat(shown.path("body").asText()).contains("poison");
      assertThat(shown.path("headers").path("RejectionReason").asText()).contains("cannot ship");

      REFUSE_POISON.set(false);
      HttpResponse<String> redriven =
          post(
              port,
              "/dead-letters/" + queue,
              "{\"action\":\"redrive\",\"ids\":\"" + poison.value() + "\"}");
      assertThat(redriven.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(redriven.body()).path("count").asLong()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> SHIPPED.contains("poison"));
      assertThat(get(port, "/dead-letters/" + queue)).isEmpty();

      assertThat(post(port, "/subscriptions/orders", "{\"action\":\"shut\"}").statusCode())
          .isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> get(port, "/subscriptions").get(0).path("running").asInt() == 0);
      assertThat(post(port, "/subscriptions/orders", "{\"action\":\"open\"}").statusCode())
          .isEqualTo(200);
    }

    @Test
    void a_bad_request_is_refused_with_its_reason() throws Exception {
      HttpResponse<String> response =
          post(port, "/dead-letters/orders.dlq", "{\"action\":\"explode\"}");

      assertThat(response.statusCode()).isEqualTo(400);
    }
  }

  @Nested
  @SpringBootTest(
      classes = App.class,
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
        "brighter.sweeper.enabled=false",
        "management.endpoints.web.exposure.include=brighter"
      })
  class ReadOnlyByDefault {

    @Value("${local.server.port}")
    int port;

    @Test
    void reads_answer_and_writes_are_refused() throws Exception {
      assertThat(get(port, "/subscriptions").get(0).path("name").asText()).isEqualTo("orders");

      HttpResponse<String> shut = post(port, "/subscriptions/orders", "{\"action\":\"shut\"}");

      assertThat(shut.statusCode()).isBetween(400, 499);
      assertThat(get(port, "/subscriptions").get(0).path("running").asInt()).isEqualTo(1);
    }
  }
}
