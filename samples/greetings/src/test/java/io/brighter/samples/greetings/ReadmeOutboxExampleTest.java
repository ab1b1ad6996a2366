package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryUnitOfWork;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.samples.greetings.Greetings.GreetingAdded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's section "Sending messages through the outbox" shows the code between the {@code
 * README snippet} markers below, word for word (without this method's indentation). Change both
 * together: {@link #the_readme_shows_this_code} fails when they differ.
 */
class ReadmeOutboxExampleTest {

  private static final Path SOURCE =
      Path.of("src/test/java/io/brighter/samples/greetings/ReadmeOutboxExampleTest.java");
  private static final Path README = Path.of("../../README.md");

  @Test
  void posted_and_deposited_greetings_reach_the_bus() {
    // given
    InMemoryBus bus = new InMemoryBus();
    InMemoryMessageConsumer consumer =
        new InMemoryMessageConsumer(bus, RoutingKey.of("greeting.added"));
    List<String> savedNames = new ArrayList<>();

    // when
    // README snippet: begin
    Publication greetingAdded =
        Publication.builder()
            .topic(RoutingKey.of("greeting.added"))
            .requestType(GreetingAdded.class)
            .build();
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(
                        ProducerRegistry.of(
                            List.of(new InMemoryMessageProducer(bus, greetingAdded))))
                    .outbox(new InMemoryOutbox())
                    .maxOutstandingMessages(10_000)
                    .build())
            .build();

    // post = deposit in the outbox + clear (send at once)
    Id posted = commandProcessor.post(new GreetingAdded(Id.random(), "Ada"));

    // depositPost inside the transaction that saves your own data; clearOutbox after the commit
    InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    unitOfWork.transaction().onCommit(() -> savedNames.add("Grace"));
    Id deposited =
        commandProcessor.depositPost(new GreetingAdded(Id.random(), "Grace"), unitOfWork);
    unitOfWork.commit();
    commandProcessor.clearOutbox(List.of(deposited));

    // the sweeper sends what is still outstanding: sends that failed, deposits never cleared
    try (OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(commandProcessor)
            .minimumAge(Duration.ofSeconds(5))
            .interval(Duration.ofSeconds(1))
            .build()) {
      sweeper.start();
      // ... the application runs ...
    }
    // README snippet: end

    // then
    assertThat(savedNames).containsExactly("Grace");
    assertThat(consumer.receive(Duration.ofSeconds(1)))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(posted);
              assertThat(message.body().text()).contains("\"name\":\"Ada\"");
            });
    assertThat(consumer.receive(Duration.ofSeconds(1)))
        .extracting(Message::id)
        .containsExactly(deposited);
  }

  @Test
  void the_readme_shows_this_code() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);

    assertThat(readme).contains("```java\n" + snippet() + "```\n");
  }

  /** The lines between the markers, less the method body's four-space indentation. */
  private static String snippet() throws IOException {
    List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    int begin = indexOf(lines, "// README snippet: begin");
    int end = indexOf(lines, "// README snippet: end");
    return lines.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no line " + marker + " in " + SOURCE);
  }
}
