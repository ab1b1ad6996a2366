package io.brighter.testing;

import static java.util.Objects.requireNonNull;

import io.brighter.ExternalBusConfiguration;
import io.brighter.Request;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.util.ArrayList;
import java.util.List;

/**
 * Publications on an {@link InMemoryBus}, one per request type, in a line each: the producers an
 * external bus needs in a test, without building each {@link Publication} and producer by hand.
 *
 * {@snippet :
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
 *     .externalBus(InMemoryPublications.on(bus)
 *         .publish(GreetingAdded.class, RoutingKey.of("greeting.added"))
 *         .externalBus()
 *         .outbox(outbox)
 *         .build())
 *     .build();
 * }
 *
 * @param bus the bus the producers publish to
 * @param publications what is published, in the order given
 */
public record InMemoryPublications(InMemoryBus bus, List<Publication> publications) {

  /** Copies {@code publications}. */
  public InMemoryPublications {
    requireNonNull(bus, "bus must not be null");
    publications = List.copyOf(publications);
  }

  /** No publications yet on {@code bus}. */
  public static InMemoryPublications on(InMemoryBus bus) {
    return new InMemoryPublications(bus, List.of());
  }

  /** These publications and one more: requests of {@code requestType} go to {@code topic}. */
  public InMemoryPublications publish(Class<? extends Request> requestType, RoutingKey topic) {
    List<Publication> more = new ArrayList<>(publications);
    more.add(Publication.builder().topic(topic).requestType(requestType).build());
    return new InMemoryPublications(bus, more);
  }

  /** An in-memory producer for each publication. */
  public ProducerRegistry producers() {
    List<MessageProducer> producers = new ArrayList<>(publications.size());
    for (Publication publication : publications) {
      producers.add(new InMemoryMessageProducer(bus, publication));
    }
    return ProducerRegistry.of(producers);
  }

  /** An external bus builder with {@link #producers()} set, for the outbox and the rest. */
  public ExternalBusConfiguration.Builder externalBus() {
    return ExternalBusConfiguration.builder().producers(producers());
  }
}
