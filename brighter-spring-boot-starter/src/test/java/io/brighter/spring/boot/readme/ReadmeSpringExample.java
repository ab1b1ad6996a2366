package io.brighter.spring.boot.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.testing.ReadmeSnippets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's complete Spring Boot example, run on one transport: {@link GreetingsApplication}
 * with the README's {@code application.properties} for it, on PostgreSQL, stores a greeting, sends
 * its event after the commit, and its handler stores the salutation. {@link
 * #the_readme_shows_this_code} fails when the README and these files differ. Each transport's
 * context is closed after its class, since both use the same tables.
 */
@DirtiesContext
abstract class ReadmeSpringExample {

  private static final String SOURCE =
      "brighter-spring-boot-starter/src/test/java/io/brighter/spring/boot/readme/"
          + "GreetingsApplication.java";

  /** The loopback PostgreSQL of the tests, unless BRIGHTER_JDBC_POSTGRES_URL names another. */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = System.getenv("BRIGHTER_JDBC_POSTGRES_URL");
    String user = System.getenv("BRIGHTER_JDBC_POSTGRES_USER");
    registry.add(
        "spring.datasource.url", () -> url == null ? "jdbc:postgresql://127.0.0.1:5432/test" : url);
    registry.add("spring.datasource.username", () -> user == null ? "postgres" : user);
  }

  @BeforeAll
  static void tables(@Autowired JdbcTemplate jdbc) {
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS greetings (id VARCHAR(64) PRIMARY KEY, name TEXT NOT NULL)");
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS salutations (greeting_id VARCHAR(64), text TEXT NOT NULL)");
  }

  @Autowired GreetingsApplication.Greetings greetings;
  @Autowired JdbcTemplate jdbc;

  /** The properties file the README shows for this transport, from the repository's root. */
  abstract String properties();

  @Test
  void a_greeting_is_stored_sent_after_the_commit_and_saluted() {
    Id id = greetings.add("Ada");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT text FROM salutations WHERE greeting_id = ?",
                            String.class,
                            id.value()))
                    .containsExactly("Hello Ada"));
  }

  @Test
  void the_readme_shows_this_code() {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.javaFile(SOURCE))
        .contains(ReadmeSnippets.propertiesFile(properties()));
  }
}
