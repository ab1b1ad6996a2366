package io.brighter.spring.boot.readme;

import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.UseInbox;
import io.brighter.spring.boot.TransactionalPoster;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A greeting is stored and its event sent through the outbox; its handler stores a salutation. */
@SpringBootApplication
public class GreetingsApplication {

  public static void main(String[] args) {
    SpringApplication.run(GreetingsApplication.class, args);
  }

  /** The event: a greeting was added. */
  public record GreetingAdded(Id id, String name) implements Event {}

  /** Stores a greeting and posts its event in the same transaction. */
  @Service
  public static class Greetings {
    private final JdbcTemplate jdbc;
    private final TransactionalPoster poster;

    public Greetings(JdbcTemplate jdbc, TransactionalPoster poster) {
      this.jdbc = jdbc;
      this.poster = poster;
    }

    @Transactional
    public Id add(String name) {
      Id id = Id.random();
      jdbc.update("INSERT INTO greetings (id, name) VALUES (?, ?)", id.value(), name);
      poster.post(new GreetingAdded(id, name)); // sent once the commit succeeds
      return id;
    }
  }

  /** Handles each GreetingAdded the subscription reads: stores a salutation. */
  @Component
  @Scope("prototype")
  public static class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    private final JdbcTemplate jdbc;

    public GreetingAddedHandler(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    @UseInbox(step = 0, contextKey = "salutations", onceOnly = true) // a redelivery is dropped
    public GreetingAdded handle(GreetingAdded event) {
      jdbc.update(
          "INSERT INTO salutations (greeting_id, text) VALUES (?, ?)",
          event.id().value(),
          "Hello " + event.name());
      return super.handle(event);
    }
  }
}
