package io.brighter.testing;

import static java.util.Objects.requireNonNull;

import io.brighter.Call;
import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CommandProcessor} for tests of code that sends and publishes: it records every request,
 * and either stops there or passes the call on to a real processor.
 *
 * {@snippet :
 * SpyCommandProcessor commandProcessor = new SpyCommandProcessor();
 * new GreetingController(commandProcessor).post("Ada");
 *
 * BrighterAssertions.assertThat(commandProcessor).sent(AddGreeting.class);
 * AddGreeting sent = commandProcessor.observe(AddGreeting.class);
 * }
 *
 * <p>Thread-safe: calls may come from many threads and are recorded in arrival order.
 */
public final class SpyCommandProcessor implements CommandProcessor {

  private final @Nullable CommandProcessor delegate;
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final List<Id> cleared = new CopyOnWriteArrayList<>();
  private final List<ScheduledRequest> scheduled = new CopyOnWriteArrayList<>();

  /** A spy that records and does nothing else. */
  public SpyCommandProcessor() {
    this.delegate = null;
  }

  /** A spy that records, then passes each call on to {@code delegate}. */
  public SpyCommandProcessor(CommandProcessor delegate) {
    this.delegate = requireNonNull(delegate, "delegate must not be null");
  }

  @Override
  public void send(Command command, RequestContext context) {
    record(RequestKind.SEND, command, context);
    if (delegate != null) {
      delegate.send(command, context);
    }
  }

  @Override
  public CompletableFuture<Void> sendAsync(Command command, RequestContext context) {
    record(RequestKind.SEND_ASYNC, command, context);
    return delegate == null
        ? CompletableFuture.completedFuture(null)
        : delegate.sendAsync(command, context);
  }

  @Override
  public void publish(Event event, RequestContext context) {
    record(RequestKind.PUBLISH, event, context);
    if (delegate != null) {
      delegate.publish(event, context);
    }
  }

  @Override
  public CompletableFuture<Void> publishAsync(Event event, RequestContext context) {
    record(RequestKind.PUBLISH_ASYNC, event, context);
    return delegate == null
        ? CompletableFuture.completedFuture(null)
        : delegate.publishAsync(event, context);
  }

  @Override
  public Id post(Request request, RequestContext context) {
    record(RequestKind.POST, request, context);
    return delegate == null ? request.id() : delegate.post(request, context);
  }

  @Override
  public CompletableFuture<Id> postAsync(Request request) {
    record(RequestKind.POST, request, new RequestContext());
    return delegate == null
        ? CompletableFuture.completedFuture(request.id())
        : delegate.postAsync(request);
  }

  @Override
  public Id depositPost(Request request) {
    record(RequestKind.DEPOSIT_POST, request, new RequestContext());
    return delegate == null ? request.id() : delegate.depositPost(request);
  }

  @Override
  public Id depositPost(Request request, BoxTransactionProvider<?> transaction) {
    record(RequestKind.DEPOSIT_POST, request, new RequestContext());
    return delegate == null ? request.id() : delegate.depositPost(request, transaction);
  }

  @Override
  public List<Id> depositPost(List<? extends Request> requests) {
    requests.forEach(r -> record(RequestKind.DEPOSIT_POST, r, new RequestContext()));
    return delegate == null ? ids(requests) : delegate.depositPost(requests);
  }

  @Override
  public List<Id> depositPost(
      List<? extends Request> requests, BoxTransactionProvider<?> transaction) {
    requests.forEach(r -> record(RequestKind.DEPOSIT_POST, r, new RequestContext()));
    return delegate == null ? ids(requests) : delegate.depositPost(requests, transaction);
  }

  @Override
  public CompletableFuture<Id> depositPostAsync(Request request) {
    record(RequestKind.DEPOSIT_POST, request, new RequestContext());
    return delegate == null
        ? CompletableFuture.completedFuture(request.id())
        : delegate.depositPostAsync(request);
  }

  @Override
  public CompletableFuture<Id> depositPostAsync(
      Request request, BoxTransactionProvider<?> transaction) {
    record(RequestKind.DEPOSIT_POST, request, new RequestContext());
    return delegate == null
        ? CompletableFuture.completedFuture(request.id())
        : delegate.depositPostAsync(request, transaction);
  }

  @Override
  public CompletableFuture<List<Id>> depositPostAsync(List<? extends Request> requests) {
    requests.forEach(r -> record(RequestKind.DEPOSIT_POST, r, new RequestContext()));
    return delegate == null
        ? CompletableFuture.completedFuture(ids(requests))
        : delegate.depositPostAsync(requests);
  }

  @Override
  public void clearOutbox(Collection<Id> ids) {
    cleared.addAll(ids);
    if (delegate != null) {
      delegate.clearOutbox(ids);
    }
  }

  @Override
  public CompletableFuture<Void> clearOutboxAsync(Collection<Id> ids) {
    cleared.addAll(ids);
    return delegate == null
        ? CompletableFuture.completedFuture(null)
        : delegate.clearOutboxAsync(ids);
  }

  /** The delegate's outbox operations; without a delegate, sweeps that send nothing. */
  @Override
  public OutboxOperations outboxOperations() {
    return delegate == null ? settings -> 0 : delegate.outboxOperations();
  }

  @Override
  public Id send(Duration delay, Command command) {
    return scheduled(RequestKind.SCHEDULED_SEND, command, delay, null, p -> p.send(delay, command));
  }

  @Override
  public Id send(Instant at, Command command) {
    return scheduled(RequestKind.SCHEDULED_SEND, command, null, at, p -> p.send(at, command));
  }

  @Override
  public Id publish(Duration delay, Event event) {
    return scheduled(
        RequestKind.SCHEDULED_PUBLISH, event, delay, null, p -> p.publish(delay, event));
  }

  @Override
  public Id publish(Instant at, Event event) {
    return scheduled(RequestKind.SCHEDULED_PUBLISH, event, null, at, p -> p.publish(at, event));
  }

  @Override
  public Id post(Duration delay, Request request) {
    return scheduled(RequestKind.SCHEDULED_POST, request, delay, null, p -> p.post(delay, request));
  }

  @Override
  public Id post(Instant at, Request request) {
    return scheduled(RequestKind.SCHEDULED_POST, request, null, at, p -> p.post(at, request));
  }

  /** The scheduled {@code send}, {@code publish} and {@code post} calls, in order. */
  public List<ScheduledRequest> scheduled() {
    return List.copyOf(scheduled);
  }

  /** Records the call; a spy without a delegate answers {@code null}, as a timed-out call does. */
  @Override
  public <R extends Request> @Nullable R call(Call<R> request, Duration timeout) {
    record(RequestKind.CALL, request, new RequestContext());
    return delegate == null ? null : delegate.call(request, timeout);
  }

  /** The ids passed to {@code clearOutbox}, in order. */
  public List<Id> cleared() {
    return List.copyOf(cleared);
  }

  /** Every call received, in order. */
  public List<RecordedRequest> recorded() {
    return List.copyOf(recorded);
  }

  /** The requests received through {@code kind}, in order. */
  public List<Request> requests(RequestKind kind) {
    return recorded.stream().filter(r -> r.kind() == kind).map(RecordedRequest::request).toList();
  }

  /**
   * The first request of {@code type} received by any method.
   *
   * @throws AssertionError when none was received
   */
  public <T extends Request> T observe(Class<T> type) {
    return recorded.stream()
        .map(RecordedRequest::request)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "No "
                        + type.getSimpleName()
                        + " was sent or published; received: "
                        + summary()));
  }

  /** Forgets everything recorded. */
  public void reset() {
    recorded.clear();
    cleared.clear();
    scheduled.clear();
  }

  private static List<Id> ids(List<? extends Request> requests) {
    return requests.stream().map(Request::id).toList();
  }

  String summary() {
    return recorded.stream()
        .map(r -> r.kind() + " " + r.request().getClass().getSimpleName())
        .toList()
        .toString();
  }

  /**
   * Records a scheduled call; the job id is the delegate's, or a fresh one when there is no
   * delegate.
   */
  private Id scheduled(
      RequestKind kind,
      Request request,
      @Nullable Duration delay,
      @Nullable Instant at,
      Function<CommandProcessor, Id> schedule) {
    record(kind, request, new RequestContext());
    Id jobId = delegate == null ? Id.random() : schedule.apply(delegate);
    scheduled.add(new ScheduledRequest(kind, request, delay, at, jobId));
    return jobId;
  }

  private void record(RequestKind kind, Request request, RequestContext context) {
    requireNonNull(request, "request must not be null");
    requireNonNull(context, "context must not be null");
    recorded.add(new RecordedRequest(kind, request, context));
  }
}
