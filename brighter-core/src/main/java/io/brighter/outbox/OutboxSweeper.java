package io.brighter.outbox;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.internal.PeriodicTask;
import io.brighter.internal.Settings;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox still holds: every {@code interval}, sweeps the command processor's outbox
 * through its {@link OutboxOperations}, sending up to {@code batchSize} messages that have been
 * outstanding for at least {@code minimumAge}, oldest first. It catches messages whose immediate
 * send failed, and those deposited but never cleared (the process stopped between commit and send).
 * Every setting of a sweep is given here; see {@link SweepSettings}.
 *
 * {@snippet :
 * OutboxSweeper sweeper = OutboxSweeper.builder()
 *     .commandProcessor(commandProcessor)
 *     .minimumAge(Duration.ofSeconds(5))
 *     .batchSize(100)
 *     .interval(Duration.ofSeconds(1))
 *     .build();
 * sweeper.start();
 * // ...
 * sweeper.stop();
 * }
 *
 * <p>One sweeper never runs two sweeps at once: a sweep that takes longer than the interval delays
 * the next. Several processes may sweep the same outbox: each sweep claims its messages for the
 * {@code lease} where the outbox back end can claim, so in the common case no message is sent
 * twice; delivery stays at-least-once, so consumers should be idempotent (an inbox makes them so).
 * A sweep that fails is logged and the next one runs as planned.
 */
public final class OutboxSweeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSweeper.class);

  private final OutboxOperations operations;
  private final SweepSettings settings;
  private final Duration interval;
  private final ReentrantLock sweeping = new ReentrantLock();
  private final PeriodicTask timer;

  private OutboxSweeper(OutboxOperations operations, SweepSettings settings, Duration interval) {
    this.operations = operations;
    this.settings = settings;
    this.interval = interval;
    this.timer = new PeriodicTask("outbox sweeper", interval, this::sweepLogged);
  }

  /** A builder; {@link Builder#commandProcessor} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings each sweep runs with. */
  public SweepSettings settings() {
    return settings;
  }

  /**
   * Runs one sweep now, unless another is running.
   *
   * @return how many messages were sent; 0 when another sweep was running
   */
  public int sweep() {
    if (!sweeping.tryLock()) {
      return 0;
    }
    try {
      return operations.sweep(settings);
    } finally {
      sweeping.unlock();
    }
  }

  /** Starts sweeping every interval on a daemon thread of its own. */
  public void start() {
    timer.start();
  }

  /** Stops sweeping, letting a sweep in progress finish. */
  public void stop() {
    timer.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void sweepLogged() {
    try {
      int sent = sweep();
      if (sent > 0) {
        LOG.debug("Outbox sweep sent {} messages", sent);
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox sweep failed; the next one runs in {}", interval, e);
    }
  }

  /** Collects the settings of an {@link OutboxSweeper}. */
  public static final class Builder {
    private @Nullable CommandProcessor commandProcessor;
    private Duration minimumAge = SweepSettings.DEFAULT.minimumAge();
    private int batchSize = SweepSettings.DEFAULT.batchSize();
    private Duration lease = SweepSettings.DEFAULT.lease();
    private int topicCooldownSweeps = SweepSettings.DEFAULT.topicCooldownSweeps();
    private Duration interval = Duration.ofSeconds(1);

    private Builder() {}

    /** The processor whose outbox is swept. Required. */
    public Builder commandProcessor(CommandProcessor value) {
      this.commandProcessor = value;
      return this;
    }

    /**
     * How long a message must have been outstanding before the sweeper sends it, so it does not
     * race the immediate send of {@code post}; 5 seconds by default.
     */
    public Builder minimumAge(Duration value) {
      this.minimumAge = value;
      return this;
    }

    /** The most messages one sweep sends; 100 by default. */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /**
     * How long a sweep claims the messages it sends, so other sweepers skip them, and the most it
     * waits for the broker's word on them; 30 seconds by default.
     */
    public Builder lease(Duration value) {
      this.lease = value;
      return this;
    }

    /**
     * For how many sweeps a topic whose send failed is left out, while other topics keep flowing; 3
     * by default, 0 never leaves one out.
     */
    public Builder topicCooldownSweeps(int value) {
      this.topicCooldownSweeps = value;
      return this;
    }

    /** The pause between sweeps; 1 second by default. */
    public Builder interval(Duration value) {
      this.interval = value;
      return this;
    }

    /**
     * The sweeper, not yet started.
     *
     * @throws ConfigurationException naming the property that is missing or out of range, or when
     *     the command processor has no outbox
     */
    public OutboxSweeper build() {
      if (commandProcessor == null) {
        throw new ConfigurationException("OutboxSweeper.commandProcessor may not be null");
      }
      SweepSettings settings = new SweepSettings(minimumAge, batchSize, lease, topicCooldownSweeps);
      return new OutboxSweeper(
          commandProcessor.outboxOperations(),
          settings,
          Settings.positive(interval, "OutboxSweeper.interval"));
    }
  }
}
