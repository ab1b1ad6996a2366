package io.brighter.samples.greetings;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.operations.BrighterOperations;
import io.brighter.samples.greetings.api.GreetingsApi;
import io.brighter.samples.greetings.salutation.SalutationService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A short walk through the sample over HTTP, each step printed with what the services did: people
 * and greetings added (each greeting stored and its event deposited in one transaction, then
 * dispatched), the salutation service consuming each event once, a duplicate delivery dropped by
 * its inbox, bad input refused with nothing written, a query, and the trace of one greeting from
 * the HTTP request to the consumer's handler.
 */
public final class Demo {

  private static final int STEPS = 7;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GreetingsApi api;
  private final SalutationService salutations;
  private final SampleTransport transport;
  private final Journal journal;
  private final TraceCollector traces;
  private final BrighterOperations operations;
  private final HttpClient http = HttpClient.newHttpClient();

  Demo(
      GreetingsApi api,
      SalutationService salutations,
      SampleTransport transport,
      Journal journal,
      TraceCollector traces,
      BrighterOperations operations) {
    this.api = api;
    this.salutations = salutations;
    this.transport = transport;
    this.journal = journal;
    this.traces = traces;
    this.operations = operations;
  }

  /**
   * What the demo found.
   *
   * @param adasGreetings what the query returned for Ada
   * @param greetingsConsumed greeting events the salutation service handled
   * @param duplicateDropped whether the redelivered event left one salutation
   * @param badInputStatuses the status of each bad request, in the order sent
   * @param trace the trace of the last greeting added, drawn as a tree
   * @param deadLettered the greeting dead-lettered while salutations were paused, when the console
   *     shows the bus's dead letters
   */
  public record Outcome(
      List<String> adasGreetings,
      int greetingsConsumed,
      boolean duplicateDropped,
      List<Integer> badInputStatuses,
      String trace,
      @Nullable Id deadLettered) {

    /** A few lines for the end of the run. */
    public String summary() {
      return "Done: "
          + greetingsConsumed
          + " greetings consumed once each, duplicate "
          + (duplicateDropped ? "dropped by the inbox" : "NOT dropped")
          + ", bad input answered "
          + badInputStatuses;
    }
  }

  /** Runs every step. */
  public Outcome run() throws IOException, InterruptedException {
    journal.step(1, STEPS, "Add two people: POST /people");
    for (String name : List.of("Ada", "Grace")) {
      answer("POST", "/people", "{\"name\":\"" + name + "\"}");
    }

    journal.step(2, STEPS, "Add three greetings: POST /people/{name}/greetings");
    answer("POST", "/people/Ada/greetings", "{\"greeting\":\"Hello\"}");
    answer("POST", "/people/Grace/greetings", "{\"greeting\":\"Good morning\"}");
    answer("POST", "/people/Ada/greetings", "{\"greeting\":\"Welcome back\"}");
    awaitTrue(
        () -> journal.acknowledged() >= 3, "the salutation service to consume three greetings");

    journal.step(3, STEPS, "Deliver one GreetingMade a second time (at-least-once delivery)");
    Message first = api.outbox().get(journal.greetingEvents().getFirst());
    try (MessageProducer producer = transport.producer(GreetingsApi.PUBLICATION)) {
      producer.send(first);
    }
    awaitTrue(() -> journal.acknowledged() >= 4, "the duplicate to be settled");
    int salutationsOfFirst = salutations.salutationsFor(first.id().value());
    boolean dropped = salutationsOfFirst == 1;
    journal.say(
        "      salutation "
            + (dropped
                ? "deduplicated " + first.id() + ": the inbox had it, still one salutation"
                : "handled " + first.id() + " twice: " + salutationsOfFirst + " salutations"));

    journal.step(4, STEPS, "Send bad input: each is refused and writes nothing");
    List<Integer> statuses = new ArrayList<>();
    statuses.add(answer("POST", "/people/Linus/greetings", "{\"greeting\":\"Hi\"}"));
    statuses.add(answer("POST", "/people/Ada/greetings", "{\"greeting\":\"  \"}"));
    statuses.add(answer("POST", "/people/Ada/greetings", "{\"greeting\":"));
    statuses.add(
        answer("POST", "/people/Ada/greetings", "{\"greeting\":\"" + "x".repeat(5000) + "\"}"));

    journal.step(5, STEPS, "Query: GET /people/Ada/greetings (Darker)");
    HttpResponse<String> found = send("GET", "/people/Ada/greetings", null);
    journal.say("      200 " + found.body());
    List<String> adas = JSON.readValue(found.body(), new TypeReference<List<String>>() {});

    journal.step(6, STEPS, "The trace of the last greeting, from HTTP to the consumer's handler");
    String trace = traces.tree("POST /people/{name}/greetings");
    journal.say(trace.indent(4).stripTrailing());

    int consumed = journal.acknowledged() - 1;

    journal.step(
        7, STEPS, "A greeting while salutations are paused: dead-lettered for an operator");
    salutations.pause();
    answer("POST", "/people/Grace/greetings", "{\"greeting\":\"Are you there?\"}");
    Id paused = journal.greetingEvents().getLast();
    try {
      awaitTrue(() -> journal.rejected() >= 1, "the greeting to be dead-lettered");
    } finally {
      salutations.resume();
    }
    Id deadLettered = null;
    if (operations.deadLetterQueues().isEmpty()) {
      journal.say(
          "      dead-lettered " + paused + " (this bus's dead letters are not in the console)");
    } else {
      awaitTrue(
          () ->
              operations.deadLetterQueues().stream()
                  .anyMatch(queue -> operations.deadLetterCount(queue) > 0),
          "the dead letter to reach its queue");
      deadLettered = paused;
      journal.say(
          "      dead-lettered "
              + paused
              + ": re-drive it from the operations console, http://127.0.0.1:"
              + api.port()
              + "/brighter/console");
    }

    return new Outcome(adas, consumed, dropped, statuses, trace, deadLettered);
  }

  private int answer(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    String shown = body.length() > 40 ? body.substring(0, 37) + "..." : body;
    journal.say(
        "    "
            + method
            + " "
            + path
            + " "
            + shown
            + " -> "
            + response.statusCode()
            + " "
            + response.body());
    return response.statusCode();
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(WAIT);
    request =
        body == null
            ? request.GET()
            : request.method(method, HttpRequest.BodyPublishers.ofString(body, UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
