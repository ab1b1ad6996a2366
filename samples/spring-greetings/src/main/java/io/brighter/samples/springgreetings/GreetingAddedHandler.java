package io.brighter.samples.springgreetings;

import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.UseInbox;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Handles each {@link GreetingAdded} the subscription reads: stores its salutation, once. */
@Component
@Scope("prototype")
public class GreetingAddedHandler extends RequestHandler<GreetingAdded> {

  private final JdbcTemplate jdbc;

  /** A handler writing to {@code jdbc}'s database. */
  public GreetingAddedHandler(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @UseInbox(step = 0, contextKey = "spring-salutations", onceOnly = true) // a redelivery is dropped
  public GreetingAdded handle(GreetingAdded event) {
    jdbc.update(
        "INSERT INTO spring_salutations (greeting_id, text) VALUES (?, ?)",
        event.id().value(),
        "Hello " + event.name());
    return super.handle(event);
  }
}
