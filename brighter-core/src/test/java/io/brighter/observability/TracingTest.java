package io.brighter.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.SweepSettings;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@SuppressWarnings("try") // scopes are closed, not read
class TracingTest {

  record AddGreeting(Id id, String name) implements Command {}

  record GreetingMade(Id id, String greeting) implements Event {}

  private static final RoutingKey GREETING_MADE = RoutingKey.of("greeting.made");

  /** What handlers saw: the current span and their context's span, per handled request. */
  static final List<SpanContext[]> SEEN = new CopyOnWriteArrayList<>();

  /** Records what it sees; fails on the name "fail". */
  public static final class AddGreetingHandler extends RequestHandler<AddGreeting> {
    @Override
    public AddGreeting handle(AddGreeting command) {
      SEEN.add(
          new SpanContext[] {Span.current().getSpanContext(), context().span().getSpanContext()});
      if (command.name().equals("fail")) {
        throw new IllegalStateException("greeting refused");
      }
      return super.handle(command);
    }
  }

  /** Records what it sees. */
  public static final class GreetingMadeHandler extends RequestHandler<GreetingMade> {
    @Override
    public GreetingMade handle(GreetingMade event) {
      SEEN.add(
          new SpanContext[] {Span.current().getSpanContext(), context().span().getSpanContext()});
      return super.handle(event);
    }
  }

  /** Records what it sees, asynchronously. */
  public static final class GreetingMadeHandlerAsync extends RequestHandlerAsync<GreetingMade> {
    @Override
    public CompletableFuture<GreetingMade> handleAsync(GreetingMade event) {
      SEEN.add(
          new SpanContext[] {Span.current().getSpanContext(), context().span().getSpanContext()});
      return super.handleAsync(event);
    }
  }

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private final Tracer web = openTelemetry.getTracer("web");
  private final BrighterTracer tracer = BrighterTracer.of(openTelemetry);
  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private Dispatcher dispatcher;

  @AfterEach
  void stop() {
    SEEN.clear();
    if (dispatcher != null) {
      dispatcher.stop();
    }
    openTelemetry.close();
  }

  private CommandProcessor processor(BrighterTracer chosen, boolean asyncHandler) {
    SubscriberRegistry registry = new SubscriberRegistry();
    registry.register(AddGreeting.class, AddGreetingHandler.class);
    if (asyncHandler) {
      registry.registerAsync(GreetingMade.class, GreetingMadeHandlerAsync.class);
    } else {
      registry.register(GreetingMade.class, GreetingMadeHandler.class);
    }
    return CommandProcessor.builder()
        .handlers(registry, new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(
                    ProducerRegistry.of(
                        List.of(
                            new InMemoryMessageProducer(
                                bus,
                                Publication.builder()
                                    .topic(GREETING_MADE)
                                    .requestType(GreetingMade.class)
                                    .build()))))
                .outbox(outbox)
                .build())
        .tracer(chosen)
        .build();
  }

  private SpanData span(String name) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no span "
                        + name
                        + " among "
                        + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList()));
  }

  @Test
  void a_send_is_a_span_that_the_handler_sees_as_current_and_in_its_context() {
    // given
    CommandProcessor processor = processor(tracer, false);
    AddGreeting command = new AddGreeting(Id.random(), "Ada");

    // when
    processor.send(command);

    // then
    SpanData send = span("AddGreeting send");
    assertThat(send.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(send.getAttributes().asMap())
        .containsEntry(
            AttributeKey.stringKey(BrighterSemanticConventions.REQUEST_ID), command.id().value())
        .containsEntry(
            AttributeKey.stringKey(BrighterSemanticConventions.REQUEST_TYPE),
            AddGreeting.class.getName())
        .containsEntry(AttributeKey.stringKey(BrighterSemanticConventions.OPERATION), "send");
    assertThat(SEEN)
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen[0].getSpanId()).isEqualTo(send.getSpanId());
              assertThat(seen[1].getSpanId()).isEqualTo(send.getSpanId());
            });
  }

  @Test
  void a_failing_handler_marks_its_span_failed_with_the_exception() {
    // given
    CommandProcessor processor = processor(tracer, false);

    // when
    assertThatThrownBy(() -> processor.send(new AddGreeting(Id.random(), "fail")))
        .hasMessage("greeting refused");

    // then
    SpanData send = span("AddGreeting send");
    assertThat(send.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(send.getEvents())
        .anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @ParameterizedTest
  @EnumSource(MessagePumpType.class)
  void one_trace_runs_from_the_senders_request_through_the_bus_to_the_consumers_handler(
      MessagePumpType pumpType) {
    // given: a web request's span, a processor that posts, and a dispatcher that consumes
    CommandProcessor processor = processor(tracer, pumpType == MessagePumpType.PROACTOR);
    dispatcher = dispatcher(processor, pumpType, tracer);
    dispatcher.start();
    Span request = web.spanBuilder("POST /greetings").setSpanKind(SpanKind.SERVER).startSpan();

    // when
    try (Scope ignored = request.makeCurrent()) {
      processor.post(new GreetingMade(Id.random(), "Hello Ada"));
    } finally {
      request.end();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !SEEN.isEmpty());
    dispatcher.stop();

    // then
    String traceId = request.getSpanContext().getTraceId();
    SpanData post = span("GreetingMade post");
    SpanData deposit = span("GreetingMade deposit");
    SpanData clear = span("outbox clear");
    SpanData produce = span("greeting.made publish");
    SpanData process = span("greeting.made process");
    SpanData handled = span("GreetingMade publish");
    assertThat(List.of(post, deposit, clear, produce, process, handled))
        .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
    assertThat(post.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(deposit.getParentSpanId()).isEqualTo(post.getSpanId());
    assertThat(clear.getParentSpanId()).isEqualTo(post.getSpanId());
    assertThat(produce.getParentSpanId()).isEqualTo(clear.getSpanId());
    assertThat(produce.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(process.getParentSpanId()).isEqualTo(deposit.getSpanId());
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(handled.getParentSpanId()).isEqualTo(process.getSpanId());
    SpanData receive = span("greeting.made receive");
    assertThat(receive.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(receive.getParentSpanContext().isValid()).isFalse();
    assertThat(receive.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")))
        .isEqualTo(1L);
    assertThat(SEEN)
        .singleElement()
        .satisfies(seen -> assertThat(seen[0].getSpanId()).isEqualTo(handled.getSpanId()));
    Message sent = bus.stream(GREETING_MADE).getFirst();
    assertThat(sent.header().traceParent()).contains(traceId).contains(deposit.getSpanId());
  }

  @Test
  void a_swept_message_is_sent_in_the_sweeps_trace_linked_to_the_trace_it_was_deposited_in() {
    // given
    CommandProcessor processor = processor(tracer, false);
    Span request = web.spanBuilder("POST /greetings").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      processor.depositPost(new GreetingMade(Id.random(), "Hello Grace"));
    } finally {
      request.end();
    }

    // when
    processor.outboxOperations().sweep(SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO));

    // then
    SpanData deposit = span("GreetingMade deposit");
    SpanData sweep = span("outbox sweep");
    SpanData produce = span("greeting.made publish");
    assertThat(sweep.getTraceId()).isNotEqualTo(deposit.getTraceId());
    assertThat(produce.getParentSpanId()).isEqualTo(sweep.getSpanId());
    assertThat(produce.getLinks())
        .singleElement()
        .satisfies(
            link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(deposit.getSpanId()));
  }

  @Test
  void each_outbox_call_within_a_trace_is_a_client_span_of_the_operation_that_made_it() {
    // given: a clear in another process, say, which reads the message from the outbox
    CommandProcessor depositor = processor(tracer, false);
    CommandProcessor relay = processor(tracer, false);
    Span request = web.spanBuilder("POST /greetings").startSpan();

    // when
    try (Scope ignored = request.makeCurrent()) {
      Id id = depositor.depositPost(new GreetingMade(Id.random(), "Hello Ada"));
      relay.clearOutbox(List.of(id));
    } finally {
      request.end();
    }

    // then
    SpanData deposit = span("GreetingMade deposit");
    SpanData clear = span("outbox clear");
    SpanData add = span("outbox add");
    assertThat(add.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(add.getParentSpanId()).isEqualTo(deposit.getSpanId());
    assertThat(add.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("db.operation.name"), "add")
        .containsEntry(AttributeKey.stringKey(BrighterSemanticConventions.STORE), "InMemoryOutbox");
    assertThat(span("outbox get").getParentSpanId()).isEqualTo(clear.getSpanId());
    assertThat(span("outbox mark_dispatched").getParentSpanId()).isEqualTo(clear.getSpanId());
  }

  @Test
  void a_clear_of_what_this_processor_deposited_and_committed_reads_nothing_back() {
    // given
    CommandProcessor processor = processor(tracer, false);
    Id id = processor.depositPost(new GreetingMade(Id.random(), "Hello Edsger"));

    // when
    processor.clearOutbox(List.of(id));

    // then
    assertThat(spans.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .contains("outbox clear", "greeting.made publish", "outbox mark_dispatched")
        .doesNotContain("outbox get");
  }

  @Test
  void a_post_sends_the_message_it_stored_without_reading_it_back() {
    // given
    CommandProcessor processor = processor(tracer, false);

    // when
    processor.post(new GreetingMade(Id.random(), "Hello Grace"));

    // then
    assertThat(spans.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .contains("outbox add", "greeting.made publish", "outbox mark_dispatched")
        .doesNotContain("outbox get");
  }

  @Test
  void inbox_calls_are_client_spans_under_the_send_they_guard() {
    // given
    SubscriberRegistry registry =
        new SubscriberRegistry().register(AddGreeting.class, OnceOnlyHandler.class);
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(registry, new SimpleHandlerFactory())
            .inbox(new io.brighter.inbox.InMemoryInbox())
            .tracer(tracer)
            .build();

    // when
    processor.send(new AddGreeting(Id.random(), "Ada"));

    // then
    SpanData send = span("AddGreeting send");
    assertThat(spans.getFinishedSpanItems())
        .filteredOn(span -> span.getName().startsWith("inbox "))
        .isNotEmpty()
        .allSatisfy(
            span -> {
              assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
              assertThat(span.getTraceId()).isEqualTo(send.getTraceId());
            });
    assertThat(span("inbox add").getTraceId()).isEqualTo(send.getTraceId());
  }

  /** Handles each greeting once. */
  public static final class OnceOnlyHandler extends RequestHandler<AddGreeting> {
    @Override
    @io.brighter.handlers.UseInbox(step = 0, contextKey = "greetings", onceOnly = true)
    public AddGreeting handle(AddGreeting command) {
      return super.handle(command);
    }
  }

  @Test
  void an_idle_sweep_makes_no_span() {
    // given
    CommandProcessor processor = processor(tracer, false);

    // when
    processor.outboxOperations().sweep(SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO));

    // then
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void with_tracing_disabled_no_trace_context_is_written_into_messages() {
    // given
    CommandProcessor processor = processor(BrighterTracer.disabled(), false);
    Span request = web.spanBuilder("POST /greetings").startSpan();

    // when
    try (Scope ignored = request.makeCurrent()) {
      processor.post(new GreetingMade(Id.random(), "Hello Linus"));
    } finally {
      request.end();
    }

    // then
    assertThat(bus.stream(GREETING_MADE).getFirst().header().traceParent()).isNull();
    assertThat(spans.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("POST /greetings");
  }

  private Dispatcher dispatcher(
      CommandProcessor processor, MessagePumpType pumpType, BrighterTracer chosen) {
    return new DispatcherBuilder()
        .commandProcessor(processor)
        .mappers(new MessageMapperRegistry())
        .tracer(chosen)
        .subscriptions(
            List.of(
                Subscription.builder()
                    .name("greetings")
                    .routingKey(GREETING_MADE)
                    .requestType(GreetingMade.class)
                    .messagePumpType(pumpType)
                    .channelFactory(new InMemoryChannelFactory(bus))
                    .timeout(Duration.ofMillis(50))
                    .emptyChannelDelay(Duration.ofMillis(10))
                    .build()))
        .build();
  }
}
