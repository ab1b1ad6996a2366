package io.brighter.messaging;

import io.brighter.Command;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.Request;
import java.time.Instant;
import java.util.List;

/** Requests and publications the messaging tests share. */
final class Requests {

  record Line(String text, int count) {}

  record AddGreeting(Id id, String name, Instant at, List<Line> lines) implements Command {}

  record GreetingAdded(Id id, String name) implements Event {}

  record Report(Id id, String text) implements Command {}

  record Neither(Id id) implements Request {}

  static final Publication GREETINGS =
      Publication.builder().topic(RoutingKey.of("greetings")).build();

  static Report report(int characters) {
    return new Report(Id.random(), "x".repeat(characters));
  }

  private Requests() {}
}
