package io.brighter;

import static java.util.Objects.requireNonNull;

import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.PipelineBuilder;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.handlers.inbox.InboxSettings;
import io.brighter.inbox.CausationReplay;
import io.brighter.inbox.Inbox;
import io.brighter.internal.Futures;
import io.brighter.internal.SharedMessagingParts;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ReplyChannelFactory;
import io.brighter.messaging.transforms.LuggageStore;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.observability.TracedOperation;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxOperations;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.brighter.scheduler.RequestScheduler;
import io.brighter.scheduler.SchedulerType;
import io.opentelemetry.api.trace.Span;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The {@link CommandProcessor} that runs handler pipelines in process. */
final class PipelineCommandProcessor implements CommandProcessor, SharedMessagingParts {

  private final SubscriberRegistry subscribers;
  private final PipelineBuilder pipelines;
  private final @Nullable ResiliencePipelineRegistry resilience;
  private final @Nullable FeatureSwitchRegistry featureSwitches;
  private final @Nullable OutboxProducerMediator mediator;
  private final @Nullable RequestScheduler scheduler;
  private final @Nullable ReplyChannelFactory replyChannels;
  private final @Nullable Inbox inbox;
  private final @Nullable CausationReplay causationReplay;
  private final @Nullable MonitorConfiguration monitoring;
  private final BrighterTracer tracer;
  private final MessagingMetrics metrics;
  private final @Nullable ExternalBusConfiguration externalBus;

  private PipelineCommandProcessor(
      SubscriberRegistry subscribers,
      HandlerFactory handlerFactory,
      Builder builder,
      @Nullable OutboxProducerMediator mediator) {
    this.subscribers = subscribers;
    this.pipelines = new PipelineBuilder(handlerFactory, builder.globalInbox);
    this.resilience = builder.resilience;
    this.featureSwitches = builder.featureSwitches;
    this.mediator = mediator;
    this.scheduler = builder.scheduler;
    this.replyChannels = builder.replyChannels;
    this.inbox = builder.inbox == null ? null : builder.tracer.traced(builder.inbox);
    this.causationReplay = mediator == null ? null : mediator::replay;
    this.monitoring = builder.monitoring;
    this.tracer = builder.tracer;
    this.metrics = builder.metrics;
    this.externalBus = builder.externalBus;
  }

  @Override
  public boolean hasHandlers(Class<?> requestType, boolean async) {
    return !(async
            ? subscribers.asyncHandlersFor(requestType)
            : subscribers.handlersFor(requestType))
        .isEmpty();
  }

  @Override
  public @Nullable MessageMapperRegistry mappers() {
    return externalBus == null ? null : externalBus.mappers();
  }

  @Override
  public @Nullable LuggageStore luggageStore() {
    return externalBus == null ? null : externalBus.luggageStore();
  }

  @Override
  public BrighterTracer tracer() {
    return tracer;
  }

  @Override
  public MessagingMetrics metrics() {
    return metrics;
  }

  static PipelineCommandProcessor of(Builder builder) {
    if (builder.subscriberRegistry == null) {
      throw new ConfigurationException(
          "CommandProcessor.builder().handlers(subscriberRegistry, ...) may not be null");
    }
    if (builder.handlerFactory == null) {
      throw new ConfigurationException(
          "CommandProcessor.builder().handlers(..., handlerFactory) may not be null");
    }
    SubscriberRegistry subscribers = builder.subscriberRegistry;
    for (Class<?> requestType : subscribers.requestTypes()) {
      subscribers.handlersFor(requestType).forEach(h -> validate(h, builder));
      subscribers.asyncHandlersFor(requestType).forEach(h -> validate(h, builder));
    }
    OutboxProducerMediator mediator =
        builder.externalBus == null
            ? null
            : new OutboxProducerMediator(
                builder.externalBus, builder.resilience, builder.tracer, builder.metrics);
    PipelineCommandProcessor processor =
        new PipelineCommandProcessor(subscribers, builder.handlerFactory, builder, mediator);
    if (builder.scheduler != null) {
      builder.scheduler.bind(processor);
    }
    return processor;
  }

  /**
   * Fails fast on a malformed pipeline; when the processor has a resilience registry, on a policy
   * name the registry lacks (a registry passed in a request's context is checked per run); and on
   * an inbox that cannot work: a blank context key, or {@code @UseInbox} without an inbox.
   */
  private static void validate(Class<?> handlerType, Builder builder) {
    PipelineBuilder.validate(handlerType, builder.globalInbox);
    ResiliencePipelineRegistry resilience = builder.resilience;
    for (Annotation middleware : PipelineBuilder.middlewareOf(handlerType)) {
      if (middleware instanceof UseResiliencePipeline use && resilience != null) {
        new PolicyReference(use.policy(), "@UseResiliencePipeline", handlerType).lookup(resilience);
      }
      if (middleware instanceof UseInbox use) {
        InboxSettings.of(use, handlerType);
        if (builder.inbox == null) {
          throw new ConfigurationException(
              "@UseInbox on "
                  + handlerType.getName()
                  + " needs an inbox: pass one to CommandProcessor.builder().inbox(...)");
        }
      }
    }
  }

  @Override
  public void send(Command command, RequestContext context) {
    requireNonNull(command, "command must not be null");
    Class<?> handler = singleHandler(command, false);
    RequestContext prepared = prepare(context);
    Span span = tracer.requestSpan(command, TracedOperation.SEND);
    tracer.inSpan(span, () -> pipelines.run(handler, command, prepared.useSpan(span)));
  }

  @Override
  public CompletableFuture<Void> sendAsync(Command command, RequestContext context) {
    requireNonNull(command, "command must not be null");
    Class<?> handler;
    try {
      handler = singleHandler(command, true);
    } catch (ConfigurationException e) {
      return CompletableFuture.failedFuture(e);
    }
    RequestContext prepared = prepare(context);
    Span span = tracer.requestSpan(command, TracedOperation.SEND);
    return tracer.inSpanAsync(
        span,
        () ->
            pipelines
                .runAsync(handler, command, prepared.useSpan(span))
                .thenApply(handled -> null));
  }

  @Override
  public void publish(Event event, RequestContext context) {
    requireNonNull(event, "event must not be null");
    Span span = tracer.requestSpan(event, TracedOperation.PUBLISH);
    tracer.inSpan(span, () -> publishToHandlers(event, prepare(context).useSpan(span)));
  }

  private void publishToHandlers(Event event, RequestContext context) {
    List<Class<?>> handlers = subscribers.handlersFor(event.getClass());
    if (handlers.size() == 1) {
      pipelines.run(handlers.getFirst(), event, context);
      return;
    }
    List<Throwable> failures = null;
    for (Class<?> handler : handlers) {
      try {
        pipelines.run(handler, event, context.copy());
      } catch (RuntimeException | Error e) {
        if (failures == null) {
          failures = new ArrayList<>();
        }
        failures.add(e);
      }
    }
    if (failures != null) {
      throw PublishFailedException.of(event, handlers.size(), failures);
    }
  }

  @Override
  public CompletableFuture<Void> publishAsync(Event event, RequestContext context) {
    requireNonNull(event, "event must not be null");
    Span span = tracer.requestSpan(event, TracedOperation.PUBLISH);
    return tracer.inSpanAsync(
        span, () -> publishToHandlersAsync(event, prepare(context).useSpan(span)));
  }

  private CompletableFuture<Void> publishToHandlersAsync(Event event, RequestContext context) {
    List<Class<?>> handlers = subscribers.asyncHandlersFor(event.getClass());
    List<CompletableFuture<?>> runs = new ArrayList<>(handlers.size());
    for (Class<?> handler : handlers) {
      RequestContext own = handlers.size() == 1 ? context : context.copy();
      runs.add(pipelines.runAsync(handler, event, own));
    }
    return CompletableFuture.allOf(runs.toArray(CompletableFuture<?>[]::new))
        .handle(
            (ignored, anyFailure) -> {
              if (anyFailure == null) {
                return null;
              }
              List<Throwable> failures = new ArrayList<>();
              for (CompletableFuture<?> run : runs) {
                if (run.isCompletedExceptionally()) {
                  failures.add(Futures.unwrap(run.exceptionNow()));
                }
              }
              throw Futures.propagate(PublishFailedException.of(event, runs.size(), failures));
            });
  }

  @Override
  public Id post(Request request, RequestContext context) {
    OutboxProducerMediator bus = externalBus();
    requireNonNull(request, "request must not be null");
    RequestContext prepared = prepare(context);
    Span span = tracer.requestSpan(request, TracedOperation.POST);
    return tracer.inSpan(span, () -> bus.post(request, prepared.useSpan(span)));
  }

  @Override
  public CompletableFuture<Id> postAsync(Request request) {
    OutboxProducerMediator bus;
    try {
      bus = externalBus();
    } catch (ConfigurationException e) {
      return CompletableFuture.failedFuture(e);
    }
    requireNonNull(request, "request must not be null");
    RequestContext prepared = prepare(new RequestContext());
    Span span = tracer.requestSpan(request, TracedOperation.POST);
    return tracer.inSpanAsync(span, () -> bus.postAsync(request, prepared.useSpan(span)));
  }

  @Override
  public Id depositPost(Request request) {
    return externalBus()
        .deposit(requireNonNull(request, "request must not be null"), new RequestContext(), null);
  }

  @Override
  public Id depositPost(Request request, BoxTransactionProvider<?> transaction) {
    return externalBus()
        .deposit(
            requireNonNull(request, "request must not be null"),
            new RequestContext(),
            requireNonNull(transaction, "transaction must not be null"));
  }

  @Override
  public List<Id> depositPost(List<? extends Request> requests) {
    return externalBus().deposit(List.copyOf(requests), new RequestContext(), null);
  }

  @Override
  public List<Id> depositPost(
      List<? extends Request> requests, BoxTransactionProvider<?> transaction) {
    return externalBus()
        .deposit(
            List.copyOf(requests),
            new RequestContext(),
            requireNonNull(transaction, "transaction must not be null"));
  }

  @Override
  public CompletableFuture<Id> depositPostAsync(Request request) {
    return async(
        bus -> bus.depositAsync(requireNonNull(request, "request"), new RequestContext(), null));
  }

  @Override
  public CompletableFuture<Id> depositPostAsync(
      Request request, BoxTransactionProvider<?> transaction) {
    return async(
        bus ->
            bus.depositAsync(
                requireNonNull(request, "request must not be null"),
                new RequestContext(),
                requireNonNull(transaction, "transaction must not be null")));
  }

  @Override
  public CompletableFuture<List<Id>> depositPostAsync(List<? extends Request> requests) {
    return async(bus -> bus.depositAsync(List.copyOf(requests), new RequestContext(), null));
  }

  @Override
  public void clearOutbox(Collection<Id> ids) {
    externalBus().clear(requireNonNull(ids, "ids must not be null"));
  }

  @Override
  public CompletableFuture<Void> clearOutboxAsync(Collection<Id> ids) {
    requireNonNull(ids, "ids must not be null");
    return async(bus -> bus.clearAsync(ids).thenApply(sent -> null));
  }

  @Override
  public OutboxOperations outboxOperations() {
    OutboxProducerMediator bus = externalBus();
    return bus::sweep;
  }

  @Override
  public Id send(Duration delay, Command command) {
    singleHandler(requireNonNull(command, "command must not be null"), false);
    return schedule(command, SchedulerType.SEND, dueAfter(delay));
  }

  @Override
  public Id send(Instant at, Command command) {
    singleHandler(requireNonNull(command, "command must not be null"), false);
    return schedule(command, SchedulerType.SEND, dueAt(at));
  }

  @Override
  public Id publish(Duration delay, Event event) {
    return schedule(
        requireNonNull(event, "event must not be null"), SchedulerType.PUBLISH, dueAfter(delay));
  }

  @Override
  public Id publish(Instant at, Event event) {
    return schedule(
        requireNonNull(event, "event must not be null"), SchedulerType.PUBLISH, dueAt(at));
  }

  @Override
  public Id post(Duration delay, Request request) {
    requireNonNull(request, "request must not be null");
    OutboxProducerMediator bus = externalBus();
    return bus.schedule(request, new RequestContext(), delayed(bus.clock().instant(), delay));
  }

  @Override
  public Id post(Instant at, Request request) {
    requireNonNull(request, "request must not be null");
    OutboxProducerMediator bus = externalBus();
    return bus.schedule(request, new RequestContext(), notPast(bus.clock().instant(), at));
  }

  private Id schedule(Request request, SchedulerType type, Instant at) {
    return scheduler().schedule(request, type, at);
  }

  private Instant dueAfter(Duration delay) {
    return delayed(scheduler().clock().instant(), delay);
  }

  private Instant dueAt(Instant at) {
    return notPast(scheduler().clock().instant(), at);
  }

  private static Instant delayed(Instant now, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return now.plus(delay);
  }

  private static Instant notPast(Instant now, Instant at) {
    requireNonNull(at, "at must not be null");
    if (at.isBefore(now.minus(SCHEDULE_TOLERANCE))) {
      throw new IllegalArgumentException(
          "at must not be in the past: " + at + " is before now (" + now + ")");
    }
    return at;
  }

  private RequestScheduler scheduler() {
    if (scheduler == null) {
      throw new ConfigurationException(
          "No scheduler is configured: pass one to CommandProcessor.builder().scheduler(...)");
    }
    return scheduler;
  }

  @Override
  public <R extends Request> @Nullable R call(Call<R> request, Duration timeout) {
    requireNonNull(request, "request must not be null");
    requireNonNull(timeout, "timeout must not be null");
    if (replyChannels == null) {
      throw new ConfigurationException(
          "No reply channels are configured: pass a ReplyChannelFactory to"
              + " CommandProcessor.builder().replyChannels(...)");
    }
    return new RequestReply(externalBus(), replyChannels)
        .call(request, timeout, prepare(new RequestContext()));
  }

  private OutboxProducerMediator externalBus() {
    if (mediator == null) {
      throw new ConfigurationException(
          "No external bus is configured: pass one to CommandProcessor.builder().externalBus(...)");
    }
    return mediator;
  }

  /** {@code work} on the external bus, its configuration or argument errors as a failed future. */
  private <T> CompletableFuture<T> async(
      Function<OutboxProducerMediator, CompletableFuture<T>> work) {
    try {
      return work.apply(externalBus());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private RequestContext prepare(RequestContext context) {
    requireNonNull(context, "context must not be null");
    return context.withDefaults(resilience, featureSwitches, inbox, causationReplay, monitoring);
  }

  private Class<?> singleHandler(Command command, boolean async) {
    Class<?> type = command.getClass();
    List<Class<?>> handlers =
        async ? subscribers.asyncHandlersFor(type) : subscribers.handlersFor(type);
    if (handlers.size() == 1) {
      return handlers.getFirst();
    }
    if (handlers.isEmpty()) {
      List<Class<?>> otherFlavour =
          async ? subscribers.handlersFor(type) : subscribers.asyncHandlersFor(type);
      String hint =
          otherFlavour.isEmpty()
              ? "; register one with SubscriberRegistry." + (async ? "registerAsync" : "register")
              : "; "
                  + (async ? "a synchronous" : "an asynchronous")
                  + " handler is registered ("
                  + otherFlavour.getFirst().getName()
                  + "): use "
                  + (async ? "send" : "sendAsync");
      throw new ConfigurationException(
          "No "
              + (async ? "asynchronous " : "")
              + "handler is registered for command "
              + type.getName()
              + hint);
    }
    throw new ConfigurationException(
        "More than one handler is registered for command "
            + type.getName()
            + " ("
            + handlers.stream().map(Class::getName).toList()
            + "); a command has exactly one handler: publish an Event to reach several");
  }
}
