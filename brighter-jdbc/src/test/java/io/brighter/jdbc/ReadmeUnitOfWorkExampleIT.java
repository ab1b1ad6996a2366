package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's section "A transaction that spans your data and the outbox (JDBC)" shows the code
 * between the {@code README snippet} markers below, word for word (without this method's
 * indentation), and this test runs it against PostgreSQL. Change both together: {@link
 * #the_readme_shows_this_code} fails when they differ.
 */
class ReadmeUnitOfWorkExampleIT {

  private static final String SOURCE =
      "src/test/java/io/brighter/jdbc/ReadmeUnitOfWorkExampleIT.java";

  record GreetingAdded(Id id, String name) implements Event {}

  private static final DataSource DATA_SOURCE = Databases.postgres();

  @BeforeAll
  static void createTheBusinessTable() throws SQLException {
    try (Connection connection = DATA_SOURCE.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS greetings"
              + " (id VARCHAR(64) PRIMARY KEY, name VARCHAR(255) NOT NULL)");
    }
  }

  @Test
  void a_greeting_and_its_event_commit_together_and_the_event_is_sent() throws SQLException {
    // given
    DataSource dataSource = DATA_SOURCE;
    InMemoryBus bus = new InMemoryBus();
    RoutingKey topic = RoutingKey.of("greeting.added");
    InMemoryMessageConsumer consumer = new InMemoryMessageConsumer(bus, topic);
    ProducerRegistry producers =
        ProducerRegistry.of(
            List.of(
                new InMemoryMessageProducer(
                    bus,
                    Publication.builder().topic(topic).requestType(GreetingAdded.class).build())));
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Ada");

    // when
    // README snippet: begin
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource).createTableIfMissing();
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder().producers(producers).outbox(outbox).build())
            .build();

    // your insert and the deposited message commit or roll back together
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
    Id deposited;
    try {
      try (PreparedStatement insert =
          unitOfWork
              .connection()
              .prepareStatement("INSERT INTO greetings (id, name) VALUES (?, ?)")) {
        insert.setString(1, greeting.id().value());
        insert.setString(2, greeting.name());
        insert.executeUpdate();
      }
      deposited = commandProcessor.depositPost(greeting, unitOfWork);
      unitOfWork.commit();
    } catch (SQLException | RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }

    // after the commit: send it now (an OutboxSweeper sends it if the process stops first)
    commandProcessor.clearOutbox(List.of(deposited));
    // README snippet: end

    // then
    assertThat(greetingExists(greeting)).isTrue();
    assertThat(consumer.receive(Duration.ofSeconds(1)))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(deposited);
              assertThat(message.body().text()).contains("\"name\":\"Ada\"");
            });
    assertThat(outbox.get(deposited).isEmpty()).isFalse();
    outbox.delete(List.of(deposited));
  }

  @Test
  void the_readme_shows_this_code() throws IOException {
    // given
    Path root = projectRoot();

    // when
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String snippet = snippet(root.resolve("brighter-jdbc").resolve(SOURCE));

    // then
    assertThat(readme).contains("```java\n" + snippet + "```\n");
  }

  /**
   * The project's root: the nearest directory, from the working directory up, that holds both
   * {@code README.md} and the {@code brighter-jdbc} module, whether the build runs from the root or
   * from the module.
   */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isRegularFile(dir.resolve("brighter-jdbc").resolve(SOURCE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No README.md with a brighter-jdbc module above " + Path.of("").toAbsolutePath());
  }

  /** The lines between the markers, less the method body's four-space indentation. */
  private static String snippet(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int begin = lines.indexOf("    // README snippet: begin");
    int end = lines.indexOf("    // README snippet: end");
    assertThat(begin).as("begin marker").isNotNegative();
    assertThat(end).as("end marker").isGreaterThan(begin);
    return lines.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .map(line -> line + "\n")
        .collect(Collectors.joining());
  }

  private static boolean greetingExists(GreetingAdded greeting) throws SQLException {
    try (Connection connection = DATA_SOURCE.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM greetings WHERE id = ?")) {
      select.setString(1, greeting.id().value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }
}
