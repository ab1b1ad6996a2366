package io.brighter.serviceactivator;

import io.brighter.Request;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.Subscription;
import io.brighter.observability.BrighterTracer;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The blocking pump: one thread (from the dispatcher's thread factory, virtual by default) runs
 * receive, map, {@code send}/{@code publish}, settle, one message at a time.
 */
final class Reactor extends MessagePump {

  private @Nullable Thread thread;

  Reactor(
      String consumerName,
      Subscription subscription,
      PumpResources resources,
      int restarts,
      Consumer<MessagePump> onEnded) {
    super(consumerName, subscription, resources, restarts, onEnded);
  }

  @Override
  void start() {
    Thread pumpThread = resources.threadFactory().newThread(this::run);
    pumpThread.setName("brighter-pump-" + consumerName);
    thread = pumpThread;
    pumpThread.start();
  }

  @Override
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    Thread pumpThread = thread;
    return pumpThread == null || pumpThread.join(timeout);
  }

  private void run() {
    try {
      loop();
    } catch (RuntimeException | Error e) {
      finish(MessagePumpStatus.ERROR, e);
    }
  }

  private void loop() {
    while (!stopRequested()) {
      if (limitReached()) {
        finish(MessagePumpStatus.LIMIT_EXCEEDED, null);
        return;
      }
      List<Message> messages;
      Instant receiveStarted = resources.tracer().receiveStarting();
      try {
        messages = consumer().receive(subscription.timeout());
        channelWorks();
        resources.tracer().received(subscription, messages.size(), receiveStarted);
      } catch (ChannelFailureException e) {
        channelFailed(e);
        pause(subscription.channelFailureDelay());
        continue;
      }
      if (messages.isEmpty()) {
        pause(subscription.emptyChannelDelay());
        continue;
      }
      for (Message message : messages) {
        if (stopRequested() || limitReached()) {
          break; // the rest return to the channel when the consumer closes
        }
        Next next;
        try {
          next = handle(message);
        } catch (ChannelFailureException e) {
          channelFailed(e);
          pause(subscription.channelFailureDelay());
          break;
        }
        if (next == Next.STOP) {
          return;
        }
        if (next == Next.PAUSE) {
          pause(subscription.dontAckDelay());
        }
      }
    }
    finish(MessagePumpStatus.STOPPED, null);
  }

  private Next handle(Message message) {
    long start = processingStarts();
    try {
      Span span = resources.tracer().consumerSpan(message, subscription);
      return resources.tracer().inSpan(span, () -> settle(message, process(message, span)));
    } finally {
      processed(message, start);
    }
  }

  /** Maps and dispatches {@code message}; how that failed, or null when it was handled. */
  private @Nullable Throwable process(Message message, Span span) {
    Throwable failure;
    try {
      failure = screen(message);
      if (failure == null) {
        failure = mapAndDispatch(message, span);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      BrighterTracer.failed(span, failure);
    }
    return failure;
  }

  private @Nullable Throwable mapAndDispatch(Message message, Span span) {
    Request request;
    try {
      request = resources.pipeline().unwrap(message, requestType(message));
    } catch (RuntimeException e) {
      return mappingFailure(message, e);
    }
    dispatch(request, contextFor(message, span));
    return null;
  }
}
