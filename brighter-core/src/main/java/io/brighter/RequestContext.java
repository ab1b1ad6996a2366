package io.brighter;

import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.inbox.CausationReplay;
import io.brighter.inbox.Inbox;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What travels with a request along one pipeline: a bag of values that handlers share, the
 * registries (and inbox) the middleware consults, and the current span.
 *
 * <p>The command processor makes a fresh context for every {@code send} or {@code publish}, or uses
 * the one the caller passes in, filling in the processor's registries where the caller set none.
 * When an event reaches several handlers, each pipeline gets its own {@link #copy()} so one
 * handler's bag writes do not leak into another's.
 *
 * {@snippet :
 * RequestContext context = new RequestContext();
 * context.bag().put("tenant", "acme");
 * commandProcessor.send(new AddGreeting(Id.random(), "Ada"), context);
 * }
 *
 * <p>The bag is a concurrent map, safe to use from the threads an asynchronous pipeline hops
 * across. Like any concurrent map it does not hold {@code null} values.
 */
public final class RequestContext {

  // Made on first use: most requests never touch the bag, and send stays allocation-lean.
  private volatile @Nullable Map<String, Object> bag;
  private @Nullable ResiliencePipelineRegistry resiliencePipelines;
  private @Nullable FeatureSwitchRegistry featureSwitches;
  private @Nullable Inbox inbox;
  private @Nullable CausationReplay causationReplay;
  private @Nullable MonitorConfiguration monitoring;
  private @Nullable BoxTransactionProvider<?> transaction;
  private Span span = Span.getInvalid();

  /** An empty context with no registries. */
  public RequestContext() {}

  private RequestContext(RequestContext source, @Nullable Map<String, Object> bag) {
    this.bag = bag;
    this.resiliencePipelines = source.resiliencePipelines;
    this.featureSwitches = source.featureSwitches;
    this.inbox = source.inbox;
    this.causationReplay = source.causationReplay;
    this.monitoring = source.monitoring;
    this.transaction = source.transaction;
    this.span = source.span;
  }

  /** The values shared along this pipeline; mutable. */
  public Map<String, Object> bag() {
    Map<String, Object> current = bag;
    if (current == null) {
      synchronized (this) {
        current = bag;
        if (current == null) {
          current = new ConcurrentHashMap<>();
          bag = current;
        }
      }
    }
    return current;
  }

  /** The resilience pipelines that {@code @UseResiliencePipeline} looks names up in. */
  public Optional<ResiliencePipelineRegistry> resiliencePipelines() {
    return Optional.ofNullable(resiliencePipelines);
  }

  /** The feature switches that {@code @FeatureSwitch(config = CONFIG)} asks. */
  public Optional<FeatureSwitchRegistry> featureSwitches() {
    return Optional.ofNullable(featureSwitches);
  }

  /** The inbox that {@code @UseInbox} and the global inbox record handled requests in. */
  public Optional<Inbox> inbox() {
    return Optional.ofNullable(inbox);
  }

  /**
   * What sends again the outbox messages a request caused, for {@code OnceOnlyAction.REPLAY}; the
   * command processor sets it when it has an external bus.
   */
  public Optional<CausationReplay> causationReplay() {
    return Optional.ofNullable(causationReplay);
  }

  /**
   * Where {@code @Monitor} sends its events; the command processor sets it when it was given a
   * {@link MonitorConfiguration}.
   */
  public Optional<MonitorConfiguration> monitoring() {
    return Optional.ofNullable(monitoring);
  }

  /** Uses {@code configuration} for {@code @Monitor}'s events; returns this context. */
  public RequestContext useMonitoring(@Nullable MonitorConfiguration configuration) {
    this.monitoring = configuration;
    return this;
  }

  /**
   * The span of the operation this context travels with ({@code send}, {@code publish}, a pump's
   * {@code process}), for handlers that add attributes or events to it; {@link Span#getInvalid()}
   * when tracing is off.
   */
  public Span span() {
    return span;
  }

  /** Uses {@code current} as this context's span; returns this context. */
  public RequestContext useSpan(Span current) {
    this.span = java.util.Objects.requireNonNull(current, "span must not be null");
    return this;
  }

  /** Uses {@code store} as the inbox; returns this context. */
  public RequestContext useInbox(@Nullable Inbox store) {
    this.inbox = store;
    return this;
  }

  /** Uses {@code replay} to send again the messages a request caused; returns this context. */
  public RequestContext useCausationReplay(@Nullable CausationReplay replay) {
    this.causationReplay = replay;
    return this;
  }

  /** Uses {@code registry} for resilience pipeline look-ups; returns this context. */
  public RequestContext useResiliencePipelines(@Nullable ResiliencePipelineRegistry registry) {
    this.resiliencePipelines = registry;
    return this;
  }

  /** Uses {@code registry} for feature switch look-ups; returns this context. */
  public RequestContext useFeatureSwitches(@Nullable FeatureSwitchRegistry registry) {
    this.featureSwitches = registry;
    return this;
  }

  /**
   * The transaction the inbox middleware opened for this handling (see {@link
   * io.brighter.inbox.Inbox#newTransaction}): write the handler's effect in it, and deposit its
   * messages with it, and they commit together with the inbox's record of the request. Empty when
   * the request is not handled behind an inbox that offers one.
   *
   * @since 0.2
   */
  public Optional<BoxTransactionProvider<?>> transaction() {
    return Optional.ofNullable(transaction);
  }

  /** Sets the transaction of {@link #transaction()}; null for none. */
  public RequestContext useTransaction(@Nullable BoxTransactionProvider<?> value) {
    this.transaction = value;
    return this;
  }

  /** A new context with a copy of this bag and the same registries. */
  public RequestContext copy() {
    Map<String, Object> current = bag;
    return new RequestContext(this, current == null ? null : new ConcurrentHashMap<>(current));
  }

  /** The bag's value for {@code key}, without making the bag when there is none. */
  @Nullable Object bagValue(String key) {
    Map<String, Object> current = bag;
    return current == null ? null : current.get(key);
  }

  /** Sets each registry this context lacks to the given default. */
  RequestContext withDefaults(
      @Nullable ResiliencePipelineRegistry defaultResilience,
      @Nullable FeatureSwitchRegistry defaultFeatureSwitches,
      @Nullable Inbox defaultInbox,
      @Nullable CausationReplay defaultReplay,
      @Nullable MonitorConfiguration defaultMonitoring) {
    if (resiliencePipelines == null) {
      resiliencePipelines = defaultResilience;
    }
    if (featureSwitches == null) {
      featureSwitches = defaultFeatureSwitches;
    }
    if (inbox == null) {
      inbox = defaultInbox;
    }
    if (causationReplay == null) {
      causationReplay = defaultReplay;
    }
    if (monitoring == null) {
      monitoring = defaultMonitoring;
    }
    return this;
  }

  @Override
  public String toString() {
    Map<String, Object> current = bag;
    return "RequestContext" + (current == null ? "{}" : current);
  }
}
