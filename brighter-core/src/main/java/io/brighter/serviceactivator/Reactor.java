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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking pump: one thread (from the dispatcher's thread factory, virtual by default) runs
 * receive, map, {@code send}/{@code publish}, settle, one message at a time.
 */
final class Reactor extends MessagePump {

  private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);

  private @Nullable Thread thread;

  Reactor(String consumerName, Subscription subscription, PumpResources resources) {
    super(consumerName, subscription, resources);
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
      LOG.error("Message pump {} died", consumerName, e);
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
        messages = consumer.receive(subscription.timeout());
        resources.tracer().received(subscription, messages.size(), receiveStarted);
      } catch (ChannelFailureException e) {
        LOG.warn("Channel of {} failed; retrying", consumerName, e);
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
          LOG.warn("Channel of {} failed while settling {}", consumerName, message.id(), e);
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
    Span span = resources.tracer().consumerSpan(message, subscription);
    try {
      return resources.tracer().inSpan(span, () -> handle(message, span));
    } finally {
      processed(message, start);
    }
  }

  private Next handle(Message message, Span span) {
    Next screened = screen(message);
    if (screened != null) {
      return screened;
    }
    Request request;
    try {
      request = resources.pipeline().unwrap(message, requestType(message));
    } catch (RuntimeException e) {
      BrighterTracer.failed(span, e);
      return settle(message, mappingFailure(message, e));
    }
    try {
      dispatch(request, contextFor(message, span));
    } catch (RuntimeException e) {
      BrighterTracer.failed(span, e);
      return settle(message, e);
    }
    return settle(message, null);
  }
}
