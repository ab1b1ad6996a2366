package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.kafka.EmbeddedKafkaBroker;
import io.brighter.samples.greetings.SampleOptions.Bus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the sample's demo end to end on each database the machine has (SQLite in a fresh folder,
 * PostgreSQL and MariaDB on loopback, DynamoDB as dynalite behind the transaction front of
 * brighter-dynamodb's tests, started once in the test JVM) with the in-memory bus, with Kafka (a
 * single-node broker started in the test JVM), with RabbitMQ (on loopback), with SNS and SQS (the
 * local endpoints, started by the sample) and with Azure Service Bus (the local namespace, started
 * by the sample), and checks what a user would see.
 */
class GreetingsAppTest {

  @TempDir Path dataDir;

  /** Every database with every bus: 4 × 5 combinations. */
  static Stream<Arguments> combinations() {
    return Stream.of(SampleDatabase.values())
        .flatMap(database -> Stream.of(Bus.values()).map(bus -> Arguments.of(database, bus)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("combinations")
  void the_demo_adds_greetings_consumes_each_once_refuses_bad_input_and_traces_it_all(
      SampleDatabase database, Bus bus) throws Exception {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SampleOptions options =
        SampleOptions.defaults()
            .withDatabase(database)
            .withBus(bus, bus == Bus.KAFKA ? EmbeddedKafkaBroker.shared().bootstrapServers() : null)
            .withPort(0)
            .withDataDir(dataDir)
            .withExitAfterDemo(true);
    if (database == SampleDatabase.DYNAMODB) {
      options = options.withDynamoDbEndpoint(LocalDynamoDb.endpoint().toString());
    }

    // when
    Demo.Outcome outcome;
    try (GreetingsApp app =
        new GreetingsApp(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).start()) {
      outcome = app.runDemo();
      // the brokers outlive the run: leave their dead-letter queues as they were found
      app.operations().deadLetterQueues().forEach(app.operations()::purge);
    }

    // then
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(outcome.adasGreetings()).contains("Hello", "Welcome back").doesNotContain("Hi");
    assertThat(outcome.greetingsConsumed()).isEqualTo(3);
    assertThat(outcome.duplicateDropped()).isTrue();
    assertThat(outcome.badInputStatuses()).containsExactly(404, 400, 400, 413);
    assertThat(output)
        .contains("[1/7]", "[7/7]", "deposited GreetingMade", "dispatched", "consumed GreetingMade")
        .contains("deduplicated")
        .contains("dead-lettered");
    if (bus == Bus.MEMORY || bus == Bus.RABBITMQ || bus == Bus.KAFKA) {
      assertThat(outcome.deadLettered()).as("a dead letter the console shows").isNotNull();
      assertThat(output).contains("/brighter/console");
    }
    assertThat(outcome.trace())
        .containsSubsequence(
            "POST /people/{name}/greetings  [SERVER",
            "AddGreeting send  [INTERNAL",
            "GreetingMade deposit  [INTERNAL",
            "greeting.made process  [CONSUMER",
            "GreetingMade publish  [INTERNAL",
            "SalutationReceived deposit",
            "outbox clear",
            "greeting.made publish  [PRODUCER");
  }
}
