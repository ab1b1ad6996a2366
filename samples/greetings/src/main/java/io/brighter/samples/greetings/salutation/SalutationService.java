package io.brighter.samples.greetings.salutation;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.operations.MessageCounters;
import io.brighter.samples.greetings.Greetings;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Greetings.SalutationReceived;
import io.brighter.samples.greetings.Journal;
import io.brighter.samples.greetings.SampleOptions;
import io.brighter.samples.greetings.SampleTransport;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The salutation service: a dispatcher consumes {@link GreetingMade} from the bus and its handler,
 * behind an inbox, stores a salutation and deposits {@link SalutationReceived} in this service's
 * own outbox. The dispatcher tells the journal how it settled each message.
 */
public final class SalutationService implements AutoCloseable {

  private final SalutationsStore store;
  private final Dispatcher dispatcher;
  private final MessageProducer producer;
  private final AtomicBoolean paused = new AtomicBoolean();

  /** Wires the service on {@code transport}; call {@link #start()} to consume. */
  public SalutationService(
      SampleOptions options,
      SampleTransport transport,
      Journal journal,
      BrighterTracer tracer,
      MessageCounters counters) {
    store = SalutationsStore.open(options);
    producer =
        transport.producer(
            Publication.builder()
                .topic(RoutingKey.of(Greetings.SALUTATION_RECEIVED_TOPIC))
                .requestType(SalutationReceived.class)
                .build());
    AtomicReference<CommandProcessor> processor = new AtomicReference<>();
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingMade.class, GreetingMadeHandler.class),
                new SimpleHandlerFactory()
                    .register(
                        GreetingMadeHandler.class,
                        () -> new GreetingMadeHandler(store, processor::get, journal, paused::get)))
            .inbox(store.inbox())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(store.outbox())
                    .build())
            .tracer(tracer)
            .build();
    processor.set(commandProcessor);
    dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor)
            .metrics(counters.counting(new JournalMetrics(journal)))
            .subscriptions(
                List.of(
                    Subscription.builder()
                        .name("salutations")
                        .routingKey(RoutingKey.of(Greetings.GREETING_MADE_TOPIC))
                        .requestType(GreetingMade.class)
                        .channelFactory(transport.channelFactory())
                        .timeout(Duration.ofMillis(200))
                        .emptyChannelDelay(Duration.ofMillis(20))
                        .build()))
            .build();
  }

  /** Starts consuming. */
  public void start() {
    dispatcher.start();
  }

  /** Pauses salutations: each greeting until {@link #resume()} is refused, so dead-lettered. */
  public void pause() {
    paused.set(true);
  }

  /** Takes greetings again. */
  public void resume() {
    paused.set(false);
  }

  /** The service's dispatcher, for the operations console. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** How many salutations answer the greeting event {@code greetingId}. */
  public int salutationsFor(String greetingId) {
    return store.salutationsFor(greetingId);
  }

  @Override
  public void close() {
    dispatcher.stop();
    producer.close();
    store.close();
  }

  /** Notes in the journal how the dispatcher settled each message. */
  private record JournalMetrics(Journal journal) implements MessagingMetrics {
    @Override
    public void settled(Subscription subscription, Message message, Settlement settlement) {
      journal.settled(message.id(), settlement);
    }
  }
}
