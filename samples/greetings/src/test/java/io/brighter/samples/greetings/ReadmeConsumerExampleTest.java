package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.UnhandledExceptionAction;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.samples.greetings.Greetings.GreetingAdded;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's section "Receiving messages" shows the code between the {@code README snippet}
 * markers below, word for word (without this method's indentation), the lines between {@code pause}
 * and {@code resume} left out. Change both together: {@link #the_readme_shows_this_code} fails when
 * they differ.
 */
class ReadmeConsumerExampleTest {

  private static final Path SOURCE =
      Path.of("src/test/java/io/brighter/samples/greetings/ReadmeConsumerExampleTest.java");
  private static final Path README = Path.of("../../README.md");

  /** The names {@link GreetingAddedHandler} has seen. */
  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  /** The README's handler: records each greeting's name. */
  public static final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      RECEIVED.add(event.name());
      return super.handle(event);
    }
  }

  @Test
  void the_dispatcher_hands_a_published_greeting_to_its_handler() {
    // given a greeting waiting on the in-memory bus
    RECEIVED.clear();
    InMemoryBus bus = new InMemoryBus();
    Publication publication =
        Publication.builder()
            .topic(RoutingKey.of("greeting.added"))
            .requestType(GreetingAdded.class)
            .build();
    new InMemoryMessageProducer(bus, publication)
        .send(
            new MessagePipeline(new MessageMapperRegistry())
                .wrap(new GreetingAdded(Id.random(), "Ada"), publication, new RequestContext()));

    // when
    // README snippet: begin
    Subscription greetings =
        Subscription.builder()
            .name("greetings")
            .routingKey(RoutingKey.of("greeting.added"))
            .requestType(GreetingAdded.class)
            .channelFactory(new InMemoryChannelFactory(bus))
            .noOfPerformers(1)
            .requeueCount(3) // a deferred message is dead-lettered at its third delivery
            .unhandledExceptionAction(UnhandledExceptionAction.REJECT) // the default
            .build();
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingAdded.class, GreetingAddedHandler.class),
                new SimpleHandlerFactory())
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor) // its bus's mappers, or JSON for every type
            .subscriptions(List.of(greetings))
            .build();

    dispatcher.start();
    // ... the application runs; each greeting.added message reaches GreetingAddedHandler ...
    // README snippet: pause
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(RECEIVED).containsExactly("Ada"));
    // README snippet: resume
    dispatcher.stop(); // settles the message in hand, closes the consumers, waits for the pumps
    // README snippet: end

    // then
    assertThat(dispatcher.state())
        .extracting(ConsumerState::status)
        .containsExactly(MessagePumpStatus.STOPPED);
    assertThat(bus.pending(RoutingKey.of("greeting.added"))).isZero();
  }

  @Test
  void the_readme_shows_this_code() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);

    assertThat(readme).contains("```java\n" + snippet() + "```\n");
  }

  /**
   * The lines between the markers, less the method body's four-space indentation, without those
   * between {@code pause} and {@code resume}.
   */
  private static String snippet() throws IOException {
    List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    int begin = indexOf(lines, "// README snippet: begin");
    int pause = indexOf(lines, "// README snippet: pause");
    int resume = indexOf(lines, "// README snippet: resume");
    int end = indexOf(lines, "// README snippet: end");
    List<String> shown = new ArrayList<>(lines.subList(begin + 1, pause));
    shown.addAll(lines.subList(resume + 1, end));
    return shown.stream()
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
