package io.brighter.samples.greetings.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.darker.QueryProcessor;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.AddPerson;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes: {@code POST /people} with {@code {"name": ...}}, {@code POST
 * /people/{name}/greetings} with {@code {"greeting": ...}}, and {@code GET
 * /people/{name}/greetings}. Bad input gets a 4xx answer and writes nothing: malformed JSON or a
 * missing or blank field 400, a body over {@value #MAX_BODY_BYTES} bytes 413, an unknown person
 * 404, a name or greeting too long 400. Each request is a server span.
 */
@SuppressWarnings("try") // the span scope is closed, not read
final class GreetingsHttp implements HttpHandler {

  static final int MAX_BODY_BYTES = 4096;
  private static final int MAX_NAME = 100;
  private static final int MAX_GREETING = 500;
  private static final Pattern GREETINGS = Pattern.compile("^/people/([^/]+)/greetings$");

  private final ObjectMapper json = new ObjectMapper();
  private final CommandProcessor commandProcessor;
  private final QueryProcessor queryProcessor;
  private final Tracer tracer;

  GreetingsHttp(CommandProcessor commandProcessor, QueryProcessor queryProcessor, Tracer tracer) {
    this.commandProcessor = commandProcessor;
    this.queryProcessor = queryProcessor;
    this.tracer = tracer;
  }

  /** An answer: a status and a JSON body. */
  private record Answer(int status, Object body) {}

  /** Bad input, answered with {@code status}. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Span span =
        tracer
            .spanBuilder(method + " " + path.replaceAll("^/people/[^/]+/", "/people/{name}/"))
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", method)
            .setAttribute("url.path", path)
            .startSpan();
    Answer answer;
    try (Scope ignored = span.makeCurrent()) {
      answer = route(method, path, exchange);
    } catch (BadRequest e) {
      answer = new Answer(e.status, Map.of("error", e.getMessage()));
    } catch (PersonNotFoundException e) {
      answer = new Answer(404, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      answer = new Answer(500, Map.of("error", "internal error"));
    }
    span.setAttribute("http.response.status_code", answer.status());
    span.end();
    byte[] body = json.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private Answer route(String method, String path, HttpExchange exchange) throws IOException {
    Matcher greetings = GREETINGS.matcher(path);
    if (path.equals("/people") && method.equals("POST")) {
      String name = field(body(exchange), "name", MAX_NAME);
      commandProcessor.send(new AddPerson(Id.random(), name));
      return new Answer(201, Map.of("name", name));
    }
    if (greetings.matches() && method.equals("POST")) {
      String name = greetings.group(1);
      String greeting = field(body(exchange), "greeting", MAX_GREETING);
      AddGreeting command = new AddGreeting(Id.random(), name, greeting);
      commandProcessor.send(command);
      return new Answer(201, Map.of("id", command.id().value()));
    }
    if (greetings.matches() && method.equals("GET")) {
      return new Answer(200, queryProcessor.execute(new FindGreetings(greetings.group(1))));
    }
    return new Answer(404, Map.of("error", "no route for " + method + " " + path));
  }

  private JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new BadRequest(413, "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw new BadRequest(400, "body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static String field(JsonNode body, String name, int maxLength) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new BadRequest(400, "'" + name + "' must be a non-empty string");
    }
    if (value.asText().length() > maxLength) {
      throw new BadRequest(400, "'" + name + "' is longer than " + maxLength + " characters");
    }
    return value.asText().strip();
  }
}
