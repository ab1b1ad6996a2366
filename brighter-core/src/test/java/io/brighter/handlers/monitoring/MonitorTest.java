package io.brighter.handlers.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.controlbus.ControlBusSender;
import io.brighter.handlers.Monitor;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.MonitorEvent;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * {@code @Monitor} sends an entry and an exit event, or an entry and an exception event and throws
 * on, over the control bus (an in-memory bus here); a monitor that cannot send never fails the
 * handler, and without monitoring configured the handler runs unrecorded.
 */
class MonitorTest {

  record Greet(Id id, String name) implements Command {}

  static final class GreetHandler extends RequestHandler<Greet> {
    @Override
    @Monitor(step = 1)
    public Greet handle(Greet command) {
      if (command.name().equals("fail")) {
        throw new IllegalStateException("no greeting for fail");
      }
      return super.handle(command);
    }
  }

  static final class GreetHandlerAsync extends RequestHandlerAsync<Greet> {
    @Override
    @Monitor(step = 1)
    public CompletableFuture<Greet> handleAsync(Greet command) {
      if (command.name().equals("fail")) {
        return CompletableFuture.failedFuture(new IllegalStateException("no greeting for fail"));
      }
      return super.handleAsync(command);
    }
  }

  private static final RoutingKey MONITORING = RoutingKey.of("brighter.monitoring");

  private final InMemoryBus bus = new InMemoryBus();

  private ControlBusSender sender() {
    return ControlBusSender.of(
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(
                        ProducerRegistry.of(
                            List.of(
                                new InMemoryMessageProducer(
                                    bus,
                                    Publication.builder()
                                        .topic(MONITORING)
                                        .requestType(MonitorEvent.class)
                                        .build()))))
                    .build())
            .build());
  }

  private CommandProcessor processor(ControlBusSender sender) {
    return CommandProcessor.builder()
        .handlers(
            new SubscriberRegistry()
                .register(Greet.class, GreetHandler.class)
                .registerAsync(Greet.class, GreetHandlerAsync.class),
            new SimpleHandlerFactory())
        .monitoring(new MonitorConfiguration(sender, "greetings-1"))
        .build();
  }

  private List<MonitorEvent> events() {
    JsonMessageMapper<MonitorEvent> mapper = new JsonMessageMapper<>(MonitorEvent.class);
    return bus.stream(MONITORING).stream().map(mapper::mapToRequest).toList();
  }

  @Test
  void a_handled_request_is_recorded_on_entry_and_on_exit() {
    Greet greet = new Greet(Id.random(), "Ada");

    processor(sender()).send(greet);

    List<MonitorEvent> events = events();
    assertThat(events)
        .extracting(MonitorEvent::type)
        .containsExactly(MonitorEvent.Type.ENTER_HANDLER, MonitorEvent.Type.EXIT_HANDLER);
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.instanceName()).isEqualTo("greetings-1");
              assertThat(event.handlerName()).isEqualTo("GreetHandler");
              assertThat(event.handlerType()).isEqualTo(GreetHandler.class.getName());
              assertThat(event.requestId()).isEqualTo(greet.id());
              assertThat(event.requestBody()).contains("\"name\":\"Ada\"");
              assertThat(event.exception()).isNull();
            });
    assertThat(events.get(1).elapsedMillis()).isNotNegative();
    assertThat(events.get(1).eventTime()).isAfterOrEqualTo(events.get(0).eventTime());
  }

  @Test
  void a_failing_handler_is_recorded_with_its_exception_which_is_thrown_on() {
    Greet greet = new Greet(Id.random(), "fail");

    assertThatThrownBy(() -> processor(sender()).send(greet))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no greeting for fail");

    List<MonitorEvent> events = events();
    assertThat(events)
        .extracting(MonitorEvent::type)
        .containsExactly(MonitorEvent.Type.ENTER_HANDLER, MonitorEvent.Type.EXCEPTION_THROWN);
    assertThat(events.get(1).exception()).contains("IllegalStateException", "no greeting for fail");
  }

  @Test
  void an_asynchronous_handler_is_recorded_the_same_way() {
    CommandProcessor processor = processor(sender());

    processor.sendAsync(new Greet(Id.random(), "Ada")).join();
    assertThatThrownBy(() -> processor.sendAsync(new Greet(Id.random(), "fail")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);

    assertThat(events())
        .extracting(MonitorEvent::type, MonitorEvent::handlerName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                MonitorEvent.Type.ENTER_HANDLER, "GreetHandlerAsync"),
            org.assertj.core.groups.Tuple.tuple(
                MonitorEvent.Type.EXIT_HANDLER, "GreetHandlerAsync"),
            org.assertj.core.groups.Tuple.tuple(
                MonitorEvent.Type.ENTER_HANDLER, "GreetHandlerAsync"),
            org.assertj.core.groups.Tuple.tuple(
                MonitorEvent.Type.EXCEPTION_THROWN, "GreetHandlerAsync"));
  }

  @Test
  void a_monitor_that_cannot_send_never_fails_the_handler() {
    ControlBusSender broken =
        new ControlBusSender() {
          @Override
          public void post(Request request) {
            throw new IllegalStateException("control bus away");
          }

          @Override
          public CompletableFuture<Void> postAsync(Request request) {
            return CompletableFuture.failedFuture(new IllegalStateException("control bus away"));
          }
        };
    CommandProcessor processor = processor(broken);

    processor.send(new Greet(Id.random(), "Ada"));
    processor.sendAsync(new Greet(Id.random(), "Ada")).join();
    assertThatThrownBy(() -> processor.send(new Greet(Id.random(), "fail")))
        .hasMessage("no greeting for fail");
  }

  @Test
  void without_monitoring_the_handler_runs_unrecorded() {
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(Greet.class, GreetHandler.class),
                new SimpleHandlerFactory())
            .build();

    processor.send(new Greet(Id.random(), "Ada"));

    assertThat(bus.stream(MONITORING)).isEmpty();
  }
}
