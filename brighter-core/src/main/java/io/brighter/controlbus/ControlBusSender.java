package io.brighter.controlbus;

import static java.util.Objects.requireNonNull;

import io.brighter.CommandProcessor;
import io.brighter.Request;
import java.util.concurrent.CompletableFuture;

/**
 * Sends control-bus messages (monitor events, heartbeat replies, node status) to other services
 * through an external bus: a command processor of its own whose producers serve the control-bus
 * topics, kept apart from the application's so that its messages never wait behind the
 * application's outbox.
 *
 * {@snippet :
 * CommandProcessor controlBus = CommandProcessor.builder()
 *     .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
 *     .externalBus(ExternalBusConfiguration.builder()
 *         .producers(ProducerRegistry.of(List.of(monitorEventsProducer)))
 *         .build())
 *     .build();
 * ControlBusSender sender = ControlBusSender.of(controlBus);
 * }
 */
public interface ControlBusSender {

  /** Sends {@code request} now, through the producer of its type's topic. */
  void post(Request request);

  /** Sends {@code request}; the future completes once the producer took it. */
  CompletableFuture<Void> postAsync(Request request);

  /** A sender that posts through {@code processor}'s external bus. */
  static ControlBusSender of(CommandProcessor processor) {
    requireNonNull(processor, "processor must not be null");
    return new ControlBusSender() {
      @Override
      public void post(Request request) {
        processor.post(request);
      }

      @Override
      public CompletableFuture<Void> postAsync(Request request) {
        return processor.postAsync(request).thenApply(id -> null);
      }
    };
  }
}
