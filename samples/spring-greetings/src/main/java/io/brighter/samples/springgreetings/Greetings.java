package io.brighter.samples.springgreetings;

import io.brighter.Id;
import io.brighter.spring.boot.TransactionalPoster;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores greetings and posts their events in the same transaction, and reads them back. */
@Service
public class Greetings {

  /**
   * A greeting and, once its event was handled, its salutation.
   *
   * @param id the greeting's id
   * @param name who was greeted
   * @param salutation what the handler stored, or null while the event is on its way
   */
  public record Greeting(String id, String name, String salutation) {}

  private final JdbcTemplate jdbc;
  private final TransactionalPoster poster;

  /** Greetings in {@code jdbc}'s database, whose events go through {@code poster}. */
  public Greetings(JdbcTemplate jdbc, TransactionalPoster poster) {
    this.jdbc = jdbc;
    this.poster = poster;
  }

  /** Stores a greeting for {@code name} and posts its event: both commit, or neither. */
  @Transactional
  public Id add(String name) {
    Id id = Id.random();
    jdbc.update("INSERT INTO spring_greetings (id, name) VALUES (?, ?)", id.value(), name);
    poster.post(new GreetingAdded(id, name)); // sent once the commit succeeds
    return id;
  }

  /** The greeting {@code id}, with its salutation when it has one. */
  public Optional<Greeting> find(String id) {
    List<Greeting> found =
        jdbc.query(
            "SELECT g.id, g.name, s.text FROM spring_greetings g"
                + " LEFT JOIN spring_salutations s ON s.greeting_id = g.id WHERE g.id = ?",
            (row, number) -> new Greeting(row.getString(1), row.getString(2), row.getString(3)),
            id);
    return found.stream().findFirst();
  }
}
