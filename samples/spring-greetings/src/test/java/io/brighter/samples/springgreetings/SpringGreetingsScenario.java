package io.brighter.samples.springgreetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The sample over HTTP, on one transport: a greeting posted is stored and, once its event went
 * through the broker and its handler, shown with its salutation; bad input is refused with nothing
 * written; health shows the broker and the dispatcher UP. Each transport's application is closed
 * after its class, since both use the same tables.
 */
@DirtiesContext
abstract class SpringGreetingsScenario {

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  /** The name of the broker's health component. */
  abstract String brokerHealth();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> post(String json) throws Exception {
    return send(
        request("/greetings")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  @Test
  void a_greeting_posted_is_saluted_once_its_event_was_handled() throws Exception {
    HttpResponse<String> created = post("{\"name\":\"Grace\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(send(request(location).GET()).body())
                    .contains("\"name\":\"Grace\"")
                    .contains("\"salutation\":\"Hello Grace\""));
  }

  @Test
  void a_greeting_without_a_name_is_refused() throws Exception {
    HttpResponse<String> refused = post("{\"name\":\"  \"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("name must be 1 to 200 characters");
  }

  @Test
  void an_unknown_greeting_is_not_found() throws Exception {
    assertThat(send(request("/greetings/no-such-greeting").GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void health_shows_the_broker_and_the_dispatcher() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode components =
                  new ObjectMapper()
                      .readTree(send(request("/actuator/health").GET()).body())
                      .path("components");
              for (String component :
                  List.of(brokerHealth(), "brighterDispatcher", "brighterOutbox")) {
                assertThat(components.path(component).path("status").asText())
                    .as(component)
                    .isEqualTo("UP");
              }
            });
  }
}
