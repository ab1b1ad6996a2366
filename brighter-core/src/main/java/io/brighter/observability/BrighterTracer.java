package io.brighter.observability;

import io.brighter.Request;
import io.brighter.inbox.Inbox;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.Outbox;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes Brighter's spans through the OpenTelemetry API, and carries W3C trace context in message
 * headers: a message deposited inside a trace carries that trace's {@code traceparent}, {@code
 * tracestate} and {@code baggage}, and the pump that consumes it continues the trace, so one trace
 * runs from the request that deposited the message to the handler that consumed it.
 *
 * {@snippet :
 * BrighterTracer tracer = BrighterTracer.of(openTelemetry); // your SDK, or GlobalOpenTelemetry.get()
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(registry, handlerFactory)
 *     .tracer(tracer)
 *     .build();
 * Dispatcher dispatcher = new DispatcherBuilder()
 *     .commandProcessor(commandProcessor)
 *     .tracer(tracer)
 *     .subscriptions(subscriptions)
 *     .build();
 * }
 *
 * <p>Spans: {@code "<Request> send"}, {@code "<Request> publish"} and {@code "<Request> post"} for
 * the command processor; {@code "<Request> deposit"} (or {@code "outbox deposit"} for a batch),
 * {@code "outbox clear"} and {@code "outbox sweep"} for the outbox; {@code "<topic> publish"} (kind
 * PRODUCER) for each message handed to a producer, linked to the trace that deposited it; and
 * {@code "<topic> process"} (kind CONSUMER) for each message a pump handles, a child of the trace
 * in its header; and {@code "outbox <operation>"} and {@code "inbox <operation>"} (kind CLIENT) for
 * each call on the outbox and the inbox. Attributes follow OpenTelemetry's messaging conventions
 * plus {@link BrighterSemanticConventions}. Request bodies are never recorded.
 *
 * <p>{@link #disabled()}, the default everywhere, makes no spans and writes no trace headers, at no
 * cost to the dispatch path.
 */
public final class BrighterTracer {

  private static final BrighterTracer DISABLED = new BrighterTracer(null);

  private static final TextMapPropagator W3C =
      TextMapPropagator.composite(
          W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";
  private static final String BAGGAGE = "baggage";

  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey(BrighterSemanticConventions.OPERATION);
  private static final AttributeKey<String> REQUEST_ID =
      AttributeKey.stringKey(BrighterSemanticConventions.REQUEST_ID);
  private static final AttributeKey<String> REQUEST_TYPE =
      AttributeKey.stringKey(BrighterSemanticConventions.REQUEST_TYPE);
  private static final AttributeKey<Long> BATCH_SIZE =
      AttributeKey.longKey(BrighterSemanticConventions.BATCH_SIZE);
  private static final AttributeKey<Long> HANDLED_COUNT =
      AttributeKey.longKey(BrighterSemanticConventions.HANDLED_COUNT);
  private static final AttributeKey<String> DB_OPERATION =
      AttributeKey.stringKey("db.operation.name");
  private static final AttributeKey<String> STORE =
      AttributeKey.stringKey(BrighterSemanticConventions.STORE);
  private static final AttributeKey<String> MESSAGING_OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  private static final AttributeKey<String> MESSAGING_OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> SUBSCRIPTION =
      AttributeKey.stringKey("messaging.destination.subscription.name");
  private static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("messaging.message.conversation_id");
  private static final AttributeKey<Long> BATCH_MESSAGE_COUNT =
      AttributeKey.longKey("messaging.batch.message_count");
  private static final AttributeKey<Long> BODY_SIZE =
      AttributeKey.longKey("messaging.message.body.size");

  private final @Nullable Tracer tracer;

  private BrighterTracer(@Nullable Tracer tracer) {
    this.tracer = tracer;
  }

  /** Spans from {@code openTelemetry}'s tracer provider, under {@code io.brighter}. */
  public static BrighterTracer of(OpenTelemetry openTelemetry) {
    return new BrighterTracer(
        openTelemetry.getTracer(BrighterSemanticConventions.INSTRUMENTATION_NAME));
  }

  /** No spans and no trace headers. */
  public static BrighterTracer disabled() {
    return DISABLED;
  }

  /** Whether this tracer makes spans. */
  public boolean enabled() {
    return tracer != null;
  }

  /** A span for {@code operation} on {@code request}, a child of the current span. */
  public Span requestSpan(Request request, TracedOperation operation) {
    if (tracer == null) {
      return Span.getInvalid();
    }
    return tracer
        .spanBuilder(request.getClass().getSimpleName() + " " + operation.label())
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION, operation.label())
        .setAttribute(REQUEST_ID, request.id().value())
        .setAttribute(REQUEST_TYPE, request.getClass().getName())
        .startSpan();
  }

  /** A span for an outbox {@code operation} on {@code count} requests or messages. */
  public Span outboxSpan(TracedOperation operation, int count) {
    if (tracer == null) {
      return Span.getInvalid();
    }
    return tracer
        .spanBuilder("outbox " + operation.label())
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION, operation.label())
        .setAttribute(BATCH_SIZE, (long) count)
        .startSpan();
  }

  /**
   * {@code outbox} with each call traced as a client span, or {@code outbox} itself when tracing is
   * disabled.
   */
  public Outbox traced(Outbox outbox) {
    return tracer == null || outbox instanceof TracedOutbox
        ? outbox
        : new TracedOutbox(outbox, this);
  }

  /**
   * {@code inbox} with each call traced as a client span, or {@code inbox} itself when tracing is
   * disabled.
   */
  public Inbox traced(Inbox inbox) {
    return tracer == null || inbox instanceof TracedInbox ? inbox : new TracedInbox(inbox, this);
  }

  /**
   * A client span for {@code operation} on {@code store} (an outbox or inbox) covering {@code
   * count} items: {@code "outbox claim"}, {@code "inbox exists"} and so on; only inside a trace.
   */
  Span storeSpan(Object store, String operation, int count) {
    if (tracer == null || !Span.current().getSpanContext().isValid()) {
      return Span.getInvalid(); // a store call outside any trace, e.g. an idle sweep, makes none
    }
    String kind = store instanceof Inbox ? "inbox" : "outbox";
    return tracer
        .spanBuilder(kind + " " + operation)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(DB_OPERATION, operation)
        .setAttribute(STORE, store.getClass().getSimpleName())
        .setAttribute(BATCH_SIZE, (long) count)
        .startSpan();
  }

  /**
   * A producer span for sending {@code message}: a child of the current span (the clear or sweep),
   * linked to the trace the message was deposited in.
   */
  public Span producerSpan(Message message) {
    if (tracer == null) {
      return Span.getInvalid();
    }
    MessageHeader header = message.header();
    SpanBuilder builder =
        tracer
            .spanBuilder(header.topic().value() + " " + TracedOperation.PRODUCE.label())
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(OPERATION, TracedOperation.PRODUCE.label())
            .setAttribute(MESSAGING_OPERATION_TYPE, "send")
            .setAttribute(MESSAGING_OPERATION_NAME, TracedOperation.PRODUCE.label());
    messageAttributes(builder, message);
    SpanContext deposited = Span.fromContext(extract(header)).getSpanContext();
    if (deposited.isValid()) {
      builder.addLink(deposited);
    }
    return builder.startSpan();
  }

  /**
   * A consumer span for handling {@code message} read for {@code subscription}: a child of the
   * trace in the message's header, or a new trace when it carries none.
   */
  public Span consumerSpan(Message message, Subscription subscription) {
    if (tracer == null) {
      return Span.getInvalid();
    }
    MessageHeader header = message.header();
    SpanBuilder builder =
        tracer
            .spanBuilder(header.topic().value() + " " + TracedOperation.PROCESS.label())
            .setParent(extract(header))
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(OPERATION, TracedOperation.PROCESS.label())
            .setAttribute(MESSAGING_OPERATION_TYPE, "process")
            .setAttribute(MESSAGING_OPERATION_NAME, TracedOperation.PROCESS.label())
            .setAttribute(SUBSCRIPTION, subscription.channelName())
            .setAttribute(CONSUMER_GROUP, subscription.name())
            .setAttribute(HANDLED_COUNT, (long) header.handledCount());
    messageAttributes(builder, message);
    return builder.startSpan();
  }

  /**
   * Records a receive of {@code count} messages for {@code subscription} that began at {@code
   * startedAt} and ends now, as a consumer span {@code "<routing key> receive"} of its own trace;
   * each message's {@code process} span then continues the trace the message carries. Does nothing
   * when tracing is disabled or nothing was received.
   */
  public void received(Subscription subscription, int count, @Nullable Instant startedAt) {
    if (tracer == null || count == 0 || startedAt == null) {
      return;
    }
    tracer
        .spanBuilder(subscription.routingKey().value() + " receive")
        .setNoParent()
        .setSpanKind(SpanKind.CONSUMER)
        .setStartTimestamp(startedAt)
        .setAttribute(OPERATION, "receive")
        .setAttribute(MESSAGING_OPERATION_TYPE, "receive")
        .setAttribute(MESSAGING_OPERATION_NAME, "receive")
        .setAttribute(DESTINATION, subscription.routingKey().value())
        .setAttribute(SUBSCRIPTION, subscription.channelName())
        .setAttribute(CONSUMER_GROUP, subscription.name())
        .setAttribute(BATCH_MESSAGE_COUNT, (long) count)
        .startSpan()
        .end();
  }

  /** The time a receive starts, for {@link #received}; null when tracing is disabled. */
  public @Nullable Instant receiveStarting() {
    return tracer == null ? null : Instant.now();
  }

  /**
   * {@code header} with the current trace context (and baggage) as its W3C fields; unchanged when
   * tracing is disabled or no span is current.
   */
  public MessageHeader withCurrentTraceContext(MessageHeader header) {
    if (tracer == null || !Span.current().getSpanContext().isValid()) {
      return header;
    }
    Map<String, String> carrier = new HashMap<>(4);
    W3C.inject(
        Context.current(),
        carrier,
        (into, key, value) -> {
          if (into != null) {
            into.put(key, value);
          }
        });
    return header.toBuilder()
        .traceParent(carrier.get(TRACEPARENT))
        .traceState(carrier.get(TRACESTATE))
        .baggage(carrier.get(BAGGAGE))
        .build();
  }

  /**
   * Runs {@code work} with {@code span} current, records a failure on it and ends it. With tracing
   * disabled it only runs {@code work}.
   */
  @SuppressWarnings("try") // the scope is closed, not read
  public <T> T inSpan(Span span, Supplier<T> work) {
    if (tracer == null) {
      return work.get();
    }
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** As {@link #inSpan(Span, Supplier)} for work with no result. */
  public void inSpan(Span span, Runnable work) {
    inSpan(
        span,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Starts {@code work} with {@code span} current, and ends the span when the future completes,
   * recording a failure.
   */
  @SuppressWarnings("try") // the scope is closed, not read
  public <T> CompletableFuture<T> inSpanAsync(Span span, Supplier<CompletableFuture<T>> work) {
    if (tracer == null) {
      return work.get();
    }
    CompletableFuture<T> started;
    try (Scope ignored = span.makeCurrent()) {
      started = work.get();
    } catch (RuntimeException | Error e) {
      failed(span, e);
      span.end();
      throw e;
    }
    return started.whenComplete(
        (result, failure) -> {
          if (failure != null) {
            failed(span, failure);
          }
          span.end();
        });
  }

  /** Marks {@code span} failed with {@code failure}. */
  public static void failed(Span span, Throwable failure) {
    span.recordException(failure);
    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
  }

  private static void messageAttributes(SpanBuilder builder, Message message) {
    MessageHeader header = message.header();
    builder
        .setAttribute(DESTINATION, header.topic().value())
        .setAttribute(MESSAGE_ID, header.messageId().value())
        .setAttribute(BODY_SIZE, (long) message.body().bytes().length);
    if (header.correlationId() != null) {
      builder.setAttribute(CONVERSATION_ID, header.correlationId().value());
    }
  }

  private static Context extract(MessageHeader header) {
    if (header.traceParent() == null) {
      return Context.root();
    }
    return W3C.extract(Context.root(), header, HeaderGetter.INSTANCE);
  }

  /** Reads the W3C fields of a message header for the propagators. */
  private enum HeaderGetter implements TextMapGetter<MessageHeader> {
    INSTANCE;

    @Override
    public @Nullable String get(@Nullable MessageHeader carrier, String key) {
      if (carrier == null) {
        return null;
      }
      return switch (key) {
        case TRACEPARENT -> carrier.traceParent();
        case TRACESTATE -> carrier.traceState();
        case BAGGAGE -> carrier.baggage();
        default -> null;
      };
    }
  }
}
