package io.brighter.serviceactivator;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Request;
import io.brighter.internal.RateLimitedWarnings;
import io.brighter.internal.SharedMessagingParts;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.transforms.LuggageStore;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the parts of a {@link Dispatcher}.
 *
 * {@snippet :
 * Dispatcher dispatcher = new DispatcherBuilder()
 *     .commandProcessor(commandProcessor)
 *     .mappers(mappers)
 *     .subscriptions(List.of(greetings, orders))
 *     .shutdownTimeout(Duration.ofSeconds(30))
 *     .build();
 * }
 *
 * <p>Mappers, luggage store, tracer and metrics default to those the command processor was built
 * with (its external bus's mappers and luggage store), so a service that both posts and consumes
 * configures them once; set them here only to use others.
 *
 * <p>Pumps run on virtual threads by default: a Reactor blocks its thread in receive and in the
 * handler, which is what virtual threads are cheap at. Give {@link #threadFactory} a platform
 * thread factory when handlers hold monitors across blocking calls (pinning on Java 21).
 */
public final class DispatcherBuilder {

  private @Nullable CommandProcessor commandProcessor;
  private @Nullable MessageMapperRegistry mappers;
  private @Nullable LuggageStore luggageStore;
  private @Nullable List<Subscription> subscriptions;
  private Duration shutdownTimeout = Duration.ofSeconds(10);
  private Duration startTimeout = Duration.ofSeconds(30);
  private RestartBackOff restartBackOff = RestartBackOff.DEFAULT;
  private Clock clock = Clock.systemUTC();
  private ThreadFactory threadFactory = Thread.ofVirtual().name("brighter-pump-", 0).factory();
  private @Nullable BrighterTracer tracer;
  private @Nullable MessagingMetrics metrics;

  /** An empty builder. */
  public DispatcherBuilder() {}

  /** Runs the handlers. Required. */
  public DispatcherBuilder commandProcessor(CommandProcessor value) {
    this.commandProcessor = value;
    return this;
  }

  /**
   * Turns messages into requests, through the mappers' unwrapping transforms; by default the
   * mappers of the command processor's external bus, else the default JSON mapper for every type.
   */
  public DispatcherBuilder mappers(MessageMapperRegistry value) {
    this.mappers = value;
    return this;
  }

  /**
   * Where {@code @RetrieveClaim} finds claim-checked bodies; by default the command processor's
   * external bus's, if any.
   */
  public DispatcherBuilder luggageStore(@Nullable LuggageStore value) {
    this.luggageStore = value;
    return this;
  }

  /** The subscriptions to run; names must be unique. Required. */
  public DispatcherBuilder subscriptions(List<Subscription> value) {
    this.subscriptions = value;
    return this;
  }

  /** How long {@link Dispatcher#stop()} waits at most; 10 s by default. */
  public DispatcherBuilder shutdownTimeout(Duration value) {
    this.shutdownTimeout = value;
    return this;
  }

  /**
   * How long {@link Dispatcher#start()} and {@code open} wait at most for the pumps they start to
   * make their consumers (which declare or check the channels); 30 s by default. A pump still
   * connecting then goes on in the background.
   */
  public DispatcherBuilder startTimeout(Duration value) {
    this.startTimeout = value;
    return this;
  }

  /**
   * How long the dispatcher waits before it replaces a pump that died: {@code initial} before the
   * first restart, doubling for each pump that dies in a row, at most {@code max}; 1 s and 1 min by
   * default.
   */
  public DispatcherBuilder restartBackOff(Duration initial, Duration max) {
    if (initial == null || !initial.isPositive()) {
      throw new ConfigurationException("Dispatcher.restartBackOff initial must be positive");
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new ConfigurationException(
          "Dispatcher.restartBackOff max must not be less than the initial back-off");
    }
    this.restartBackOff = new RestartBackOff(initial, max);
    return this;
  }

  /** The clock of the unacceptable message windows; the system clock by default. */
  public DispatcherBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  /** Makes the pumps' threads; virtual threads by default. */
  public DispatcherBuilder threadFactory(ThreadFactory value) {
    this.threadFactory = value;
    return this;
  }

  /**
   * Traces each message a pump handles as a consumer span, continuing the trace in the message's
   * header; by default the command processor's tracer, so that its spans nest.
   */
  public DispatcherBuilder tracer(BrighterTracer value) {
    this.tracer = present(value, "tracer");
    return this;
  }

  /**
   * Told how each message was settled and how long it took; by default the command processor's
   * metrics ({@code brighter-micrometer} records them with Micrometer).
   */
  public DispatcherBuilder metrics(MessagingMetrics value) {
    this.metrics = MessagingMetrics.guarded(present(value, "metrics"));
    return this;
  }

  /**
   * The dispatcher, not started.
   *
   * @throws ConfigurationException naming a missing or invalid property, e.g. {@code
   *     Dispatcher.commandProcessor may not be null}
   */
  public Dispatcher build() {
    CommandProcessor processor = present(commandProcessor, "commandProcessor");
    @Nullable SharedMessagingParts shared =
        processor instanceof SharedMessagingParts parts ? parts : null;
    MessagePipeline pipeline =
        MessagePipeline.builder()
            .mappers(
                firstOf(
                    mappers, shared == null ? null : shared.mappers(), MessageMapperRegistry::new))
            .luggageStore(
                luggageStore != null || shared == null ? luggageStore : shared.luggageStore())
            .build();
    if (present(shutdownTimeout, "shutdownTimeout").isNegative()) {
      throw new ConfigurationException("Dispatcher.shutdownTimeout must not be negative");
    }
    if (present(startTimeout, "startTimeout").isNegative()) {
      throw new ConfigurationException("Dispatcher.startTimeout must not be negative");
    }
    List<Subscription> checked = List.copyOf(present(subscriptions, "subscriptions"));
    if (shared != null) {
      for (Subscription subscription : checked) {
        checkHandlers(subscription, shared);
      }
    }
    PumpResources resources =
        new PumpResources(
            processor,
            pipeline,
            present(clock, "clock"),
            present(threadFactory, "threadFactory"),
            firstOf(tracer, shared == null ? null : shared.tracer(), BrighterTracer::disabled),
            firstOf(metrics, shared == null ? null : shared.metrics(), () -> MessagingMetrics.NONE),
            new RateLimitedWarnings(RateLimitedWarnings.DEFAULT_PERIOD));
    return new Dispatcher(resources, checked, shutdownTimeout, startTimeout, restartBackOff);
  }

  private static <T> T firstOf(
      @Nullable T explicit, @Nullable T fromProcessor, Supplier<T> otherwise) {
    return explicit != null ? explicit : fromProcessor != null ? fromProcessor : otherwise.get();
  }

  private static <T> T present(@Nullable T value, String property) {
    if (value == null) {
      throw new ConfigurationException("Dispatcher." + property + " may not be null");
    }
    return value;
  }

  /**
   * Refuses a subscription whose one request type has no handler its pumps can run: a Reactor runs
   * synchronous handlers, a Proactor asynchronous ones, and a pump that finds none acknowledges the
   * message without handling it.
   */
  private static void checkHandlers(Subscription subscription, SharedMessagingParts processor) {
    Class<? extends Request> type = subscription.requestType();
    boolean async = subscription.messagePumpType() == MessagePumpType.PROACTOR;
    if (type != null && !processor.hasHandlers(type, async)) {
      boolean other = processor.hasHandlers(type, !async);
      throw new ConfigurationException(
          "Subscription "
              + subscription.name()
              + ": "
              + type.getName()
              + " has no "
              + (async ? "asynchronous" : "synchronous")
              + " handler, which its "
              + subscription.messagePumpType()
              + " pumps run, so they would acknowledge its messages without handling them;"
              + " register one with SubscriberRegistry."
              + (async ? "registerAsync" : "register")
              + (other
                  ? ", or read it with the "
                      + (async ? MessagePumpType.REACTOR : MessagePumpType.PROACTOR)
                      + " pump, which runs the handlers it has"
                  : ""));
    }
  }
}
