package io.brighter.serviceactivator;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.Subscription;
import io.brighter.observability.BrighterTracer;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous pump: maps with {@code unwrapAsync} and dispatches with {@code sendAsync} or
 * {@code publishAsync}. Every step of its loop, and every continuation of a handler's future, runs
 * on the pump's own single-thread executor, so it handles one message at a time, in order, and
 * never blocks a thread while a handler's future is pending. Waits are scheduled on the executor,
 * not slept. The consumer SPI is blocking, so a receive blocks the executor's thread for up to the
 * subscription's timeout.
 */
final class Proactor extends MessagePump {

  private final ScheduledExecutorService executor;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  // Read and written on the executor's thread only.
  private @Nullable ScheduledFuture<?> waiting;

  Proactor(
      String consumerName,
      Subscription subscription,
      PumpResources resources,
      int restarts,
      Consumer<MessagePump> onEnded) {
    super(consumerName, subscription, resources, restarts, onEnded);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = resources.threadFactory().newThread(runnable);
              thread.setName("brighter-pump-" + consumerName);
              return thread;
            });
  }

  @Override
  void start() {
    executor.execute(this::receive);
  }

  @Override
  void requestStop() {
    super.requestStop();
    try {
      executor.execute(this::wakeUp);
    } catch (RejectedExecutionException e) {
      // the loop has ended already
    }
  }

  @Override
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    try {
      stopped.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return stopped.isDone();
    }
  }

  /** Ends a wait early so a stop is seen at once. */
  private void wakeUp() {
    ScheduledFuture<?> pending = waiting;
    if (pending != null && pending.cancel(false)) {
      waiting = null;
      receive();
    }
  }

  private void receive() {
    waiting = null;
    try {
      if (stopRequested()) {
        end(MessagePumpStatus.STOPPED, null);
        return;
      }
      if (limitReached()) {
        end(MessagePumpStatus.LIMIT_EXCEEDED, null);
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
        after(subscription.channelFailureDelay(), this::receive);
        return;
      }
      if (messages.isEmpty()) {
        after(subscription.emptyChannelDelay(), this::receive);
      } else {
        next(messages.iterator());
      }
    } catch (RuntimeException | Error e) {
      end(MessagePumpStatus.ERROR, e);
    }
  }

  /** Handles the next message of a batch, or receives again when the batch is done. */
  private void next(Iterator<Message> batch) {
    if (!batch.hasNext() || stopRequested() || limitReached()) {
      receive(); // unhandled messages of the batch return to the channel when the consumer closes
      return;
    }
    Message message = batch.next();
    handle(message)
        .whenCompleteAsync(
            (next, failure) -> {
              if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof ChannelFailureException channelFailure) {
                  channelFailed(channelFailure);
                  after(subscription.channelFailureDelay(), this::receive);
                } else {
                  end(MessagePumpStatus.ERROR, cause);
                }
              } else if (next == Next.PAUSE) {
                after(subscription.dontAckDelay(), () -> next(batch));
              } else if (next == Next.CONTINUE) {
                next(batch);
              } else {
                stopExecutor();
              }
            },
            executor);
  }

  /** Maps and dispatches {@code message}, settling it on the executor when the handler is done. */
  private CompletableFuture<Next> handle(Message message) {
    long start = processingStarts();
    Span span = resources.tracer().consumerSpan(message, subscription);
    CompletableFuture<Next> handled =
        resources.tracer().inSpanAsync(span, () -> handle(message, span));
    return resources.metrics().records()
        ? handled.whenComplete((next, failure) -> processed(message, start))
        : handled;
  }

  private CompletableFuture<Next> handle(Message message, Span span) {
    CompletableFuture<Void> handled;
    try {
      Throwable refused = screen(message);
      handled =
          refused != null
              ? CompletableFuture.failedFuture(refused)
              : mapAndDispatchAsync(message, span);
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    return handled.handleAsync(
        (done, failure) -> {
          if (failure != null) {
            BrighterTracer.failed(span, unwrap(failure));
          }
          return settle(message, failure);
        },
        executor);
  }

  private CompletableFuture<Void> mapAndDispatchAsync(Message message, Span span) {
    CompletableFuture<? extends Request> request;
    try {
      request = resources.pipeline().unwrapAsync(message, requestType(message));
    } catch (RuntimeException e) {
      request = CompletableFuture.failedFuture(e);
    }
    return request
        .handle(
            (mapped, failure) ->
                failure != null
                    ? CompletableFuture.<Void>failedFuture(mappingFailure(message, failure))
                    : dispatchAsync(mapped, contextFor(message, span)))
        .thenCompose(Function.identity());
  }

  private CompletableFuture<Void> dispatchAsync(Request request, RequestContext context) {
    CommandProcessor processor = resources.commandProcessor();
    try {
      if (request instanceof Command command) {
        return processor.sendAsync(command, context);
      } else if (request instanceof Event event) {
        requireHandlers(event, true);
        return processor.publishAsync(event, context);
      }
      return CompletableFuture.failedFuture(notDispatchable(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void after(Duration delay, Runnable step) {
    if (stopRequested()) {
      receive();
      return;
    }
    waiting = executor.schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void end(MessagePumpStatus status, @Nullable Throwable cause) {
    finish(status, cause);
    stopExecutor();
  }

  private void stopExecutor() {
    executor.shutdown();
    stopped.complete(null);
  }
}
