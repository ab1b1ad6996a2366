package io.brighter.samples.springgreetings;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /greetings} with {@code {"name": "Ada"}} adds a greeting (201, with its location);
 * {@code GET /greetings/{id}} shows it with its salutation once the event was handled.
 */
@RestController
public class GreetingsController {

  private static final int MAX_NAME = 200;

  private final Greetings greetings;

  /** The endpoints of {@code greetings}. */
  public GreetingsController(Greetings greetings) {
    this.greetings = greetings;
  }

  /** A new greeting: the body's name must be 1 to 200 characters. */
  public record NewGreeting(String name) {}

  /** Adds a greeting; 400 without a usable name. */
  @PostMapping("/greetings")
  public ResponseEntity<Map<String, String>> add(@RequestBody NewGreeting body) {
    String name = body.name() == null ? "" : body.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "name must be 1 to " + MAX_NAME + " characters"));
    }
    String id = greetings.add(name).value();
    return ResponseEntity.created(URI.create("/greetings/" + id)).body(Map.of("id", id));
  }

  /** The greeting {@code id}; 404 when there is none. */
  @GetMapping("/greetings/{id}")
  public ResponseEntity<Greetings.Greeting> show(@PathVariable String id) {
    return ResponseEntity.of(greetings.find(id));
  }
}
