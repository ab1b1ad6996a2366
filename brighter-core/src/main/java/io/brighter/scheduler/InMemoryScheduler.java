package io.brighter.scheduler;

import static java.util.Objects.requireNonNull;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.internal.Settings;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RequestScheduler} and {@link MessageScheduler} that keeps its jobs in memory and fires
 * each from a timer on a {@link ScheduledExecutorService}. Jobs are lost when the process stops, so
 * use it for tests, development, and delays whose loss is harmless.
 *
 * {@snippet :
 * InMemoryScheduler scheduler = InMemoryScheduler.builder()
 *     .producers(producerRegistry) // only needed to schedule messages
 *     .build();
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscribers, handlerFactory)
 *     .scheduler(scheduler) // build() binds the scheduler to the processor
 *     .build();
 * commandProcessor.send(Duration.ofMinutes(5), new RemindCustomer(Id.random(), "Ada"));
 * }
 *
 * <p><b>Binding.</b> The scheduler and the processor need each other, so the scheduler is built
 * first and {@code CommandProcessor.builder().build()} calls {@link #bind(CommandProcessor)}; bind
 * a decorated processor yourself to replay through it. Producers come from {@link
 * Builder#producers} or {@link #bind(ProducerRegistry)}, for producers that themselves delegate
 * their delays here. Scheduling a request before binding a processor, or a message before binding
 * producers, fails with a {@link ConfigurationException}.
 *
 * <p><b>Timing.</b> A job's timer waits the time between now on the scheduler's clock and the due
 * time. In tests, give the scheduler a clock the test moves and call {@link #fireDue()}, which
 * fires every job whose time has come on the calling thread; a job fires at most once, whichever of
 * the two gets to it first.
 *
 * <p><b>Failures.</b> A firing that throws is logged at WARN and dropped: the in-memory scheduler
 * does not retry, and the failure does not stop other jobs. Thread-safe.
 */
public final class InMemoryScheduler implements RequestScheduler, MessageScheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryScheduler.class);

  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final boolean ownsTimers;
  private final Map<Id, ScheduledJob> jobs = new ConcurrentHashMap<>();
  private volatile @Nullable CommandProcessor processor;
  private volatile @Nullable ProducerRegistry producers;

  private InMemoryScheduler(Builder builder) {
    this.clock = builder.clock;
    this.ownsTimers = builder.timers == null;
    this.timers = builder.timers != null ? builder.timers : daemonTimer();
    this.producers = builder.producers;
  }

  /** A builder; every setting has a default. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** Replays due requests on {@code processor} from now on. */
  @Override
  public void bind(CommandProcessor processor) {
    this.processor = requireNonNull(processor, "processor must not be null");
  }

  /** Sends due messages through {@code producers} from now on. */
  @Override
  public void bind(ProducerRegistry producers) {
    this.producers = requireNonNull(producers, "producers must not be null");
  }

  @Override
  public Id schedule(Request request, SchedulerType type, Instant at) {
    requireNonNull(request, "request must not be null");
    requireNonNull(type, "type must not be null");
    type.check(request);
    if (processor == null) {
      throw new ConfigurationException(
          "InMemoryScheduler has no CommandProcessor to replay requests on: pass it to"
              + " CommandProcessor.builder().scheduler(...) or call bind(commandProcessor)");
    }
    String description = type + " " + request.getClass().getName() + " " + request.id();
    return add(at, description, () -> type.replay(request, requireNonNull(processor)));
  }

  @Override
  public Id schedule(Message message, Instant at) {
    requireNonNull(message, "message must not be null");
    if (producers == null) {
      throw new ConfigurationException(
          "InMemoryScheduler has no producers to send messages through: set"
              + " InMemoryScheduler.builder().producers(...) or call bind(producerRegistry)");
    }
    String description = "message " + message.id() + " to " + message.header().topic();
    return add(at, description, () -> deliver(message));
  }

  @Override
  public boolean reschedule(Id jobId, Instant at) {
    requireNonNull(jobId, "jobId must not be null");
    requireNonNull(at, "at must not be null");
    ScheduledJob moved =
        jobs.computeIfPresent(
            jobId,
            (id, waiting) -> {
              waiting.disarm();
              return arm(waiting.movedTo(at));
            });
    return moved != null;
  }

  @Override
  public boolean cancel(Id jobId) {
    ScheduledJob removed = jobs.remove(requireNonNull(jobId, "jobId must not be null"));
    if (removed == null) {
      return false;
    }
    removed.disarm();
    return true;
  }

  /**
   * Fires, on the calling thread and in due-time order, every job due by now on the scheduler's
   * clock; for tests that move the clock instead of waiting.
   *
   * @return how many jobs fired, failed firings included
   */
  public int fireDue() {
    Instant now = clock.instant();
    List<ScheduledJob> due =
        jobs.values().stream()
            .filter(job -> !job.at().isAfter(now))
            .sorted(Comparator.comparing(ScheduledJob::at))
            .toList();
    int fired = 0;
    for (ScheduledJob job : due) {
      if (fire(job)) {
        fired++;
      }
    }
    return fired;
  }

  /** How many jobs wait to fire. */
  public int pending() {
    return jobs.size();
  }

  /** Stops the timer thread if the scheduler made it; waiting jobs never fire. */
  @Override
  public void close() {
    if (ownsTimers) {
      timers.shutdownNow();
    }
  }

  private Id add(Instant at, String description, Runnable action) {
    requireNonNull(at, "at must not be null");
    Id id = Id.random();
    jobs.compute(id, (key, none) -> arm(new ScheduledJob(key, at, description, action)));
    return id;
  }

  private ScheduledJob arm(ScheduledJob job) {
    long delay = Math.max(0, Duration.between(clock.instant(), job.at()).toNanos());
    job.armed(timers.schedule(() -> fire(job), delay, TimeUnit.NANOSECONDS));
    return job;
  }

  /** Runs {@code job} unless it was already fired, cancelled or moved; true when it ran. */
  private boolean fire(ScheduledJob job) {
    if (!jobs.remove(job.id(), job)) {
      return false;
    }
    job.disarm();
    try {
      job.action().run();
    } catch (RuntimeException e) {
      LOG.warn(
          "Scheduled job {} ({}) due at {} failed and will not be retried",
          job.id(),
          job.description(),
          job.at(),
          e);
    }
    return true;
  }

  private void deliver(Message message) {
    requireNonNull(producers).lookup(message.header().topic()).send(message);
  }

  private static ScheduledExecutorService daemonTimer() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "brighter-scheduler");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Collects the settings of an {@link InMemoryScheduler}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService timers;
    private @Nullable ProducerRegistry producers;

    private Builder() {}

    /** The clock due times are measured on; the UTC system clock when not set. */
    public Builder clock(Clock value) {
      this.clock = Settings.required(value, "InMemoryScheduler.clock");
      return this;
    }

    /**
     * The executor whose timers fire jobs; the caller keeps ownership and shuts it down. One daemon
     * thread of the scheduler's own, stopped by {@link InMemoryScheduler#close()}, when not set.
     */
    public Builder timers(ScheduledExecutorService value) {
      this.timers = Settings.required(value, "InMemoryScheduler.timers");
      return this;
    }

    /** The producers due messages go out through; needed only to schedule messages. */
    public Builder producers(ProducerRegistry value) {
      this.producers = Settings.required(value, "InMemoryScheduler.producers");
      return this;
    }

    /** The scheduler; its default timer thread starts on first use. */
    public InMemoryScheduler build() {
      return new InMemoryScheduler(this);
    }
  }
}
