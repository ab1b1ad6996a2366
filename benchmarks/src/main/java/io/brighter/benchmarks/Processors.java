package io.brighter.benchmarks;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Request;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.outbox.Outbox;
import java.util.List;

/** The command processors the benchmarks and harnesses measure, built one way everywhere. */
public final class Processors {

  private Processors() {}

  /** A processor with no handlers that sends through {@code producer} and {@code outbox}. */
  public static CommandProcessor sending(MessageProducer producer, Outbox outbox) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(producer)))
                .outbox(outbox)
                .build())
        .build();
  }

  /** A processor that hands each {@code type} request to a new {@code handler}. */
  public static <T extends Request> CommandProcessor handling(
      Class<T> type, Class<? extends RequestHandler<T>> handler) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry().register(type, handler), new SimpleHandlerFactory())
        .build();
  }
}
