package io.brighter.outbox.archive;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.internal.PeriodicTask;
import io.brighter.messaging.Message;
import io.brighter.outbox.Outbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the outbox small: moves messages dispatched at least {@code dispatchedAge} ago to an {@link
 * ArchiveProvider}, then deletes them from the outbox. Run one pass with {@link #archive()}, or
 * {@link #start()} it to pass every {@code interval} on a daemon thread of its own.
 *
 * {@snippet :
 * OutboxArchiver archiver = OutboxArchiver.builder()
 *     .outbox(outbox)
 *     .archiveProvider(new FileSystemArchiveProvider(Path.of("/var/lib/orders/archive")))
 *     .dispatchedAge(Duration.ofHours(24))
 *     .batchSize(100)
 *     .interval(Duration.ofSeconds(15))
 *     .build();
 * archiver.start();
 * // ...
 * archiver.stop();
 * }
 *
 * <p>A pass reads a batch of dispatched messages (oldest first), hands it to the provider, and
 * deletes it from the outbox only after the provider returned; it repeats until a batch comes back
 * short or {@code maxBatchesPerPass} batches are done, so one pass never runs unbounded. A failing
 * provider leaves its batch in the outbox, to be offered again next pass; the failure is logged and
 * thrown from {@link #archive()}, while the timer carries on. A delete that fails after the
 * provider returned leaves archived messages in the outbox, which are archived again next pass:
 * providers are idempotent. One archiver never runs two passes at once. Outstanding messages are
 * never archived.
 */
public final class OutboxArchiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxArchiver.class);

  private final Outbox outbox;
  private final ArchiveProvider archiveProvider;
  private final Duration dispatchedAge;
  private final int batchSize;
  private final int maxBatchesPerPass;
  private final Duration interval;
  private final ReentrantLock archiving = new ReentrantLock();
  private final AtomicLong archivedSinceStart = new AtomicLong();
  private final PeriodicTask timer;

  private OutboxArchiver(Builder builder) {
    this.outbox = requireNonNull(builder.outbox);
    this.archiveProvider = requireNonNull(builder.archiveProvider);
    this.dispatchedAge = requireNonNull(builder.dispatchedAge);
    this.batchSize = builder.batchSize;
    this.maxBatchesPerPass = builder.maxBatchesPerPass;
    this.interval = requireNonNull(builder.interval);
    this.timer = new PeriodicTask("outbox archiver", interval, this::archiveLogged);
  }

  /** A builder; {@link Builder#outbox} and {@link Builder#archiveProvider} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one pass now, unless another is running.
   *
   * @return how many messages were archived and deleted; 0 when another pass was running
   * @throws RuntimeException what the outbox or provider threw, after logging it; the batch in hand
   *     stays in the outbox, earlier batches of the pass stay archived and deleted
   */
  public int archive() {
    if (!archiving.tryLock()) {
      return 0;
    }
    int archived = 0;
    try {
      for (int batches = 0; batches < maxBatchesPerPass; batches++) {
        List<Message> batch = outbox.dispatchedMessages(dispatchedAge, batchSize);
        if (batch.isEmpty()) {
          break;
        }
        archiveProvider.archive(batch);
        outbox.delete(batch.stream().map(Message::id).toList());
        archived += batch.size();
        archivedSinceStart.addAndGet(batch.size());
        if (batch.size() < batchSize) {
          break;
        }
      }
      return archived;
    } catch (RuntimeException e) {
      LOG.warn(
          "Outbox archive pass failed after archiving {} messages; the rest stay in the outbox",
          archived,
          e);
      throw e;
    } finally {
      archiving.unlock();
    }
  }

  /** How many messages this archiver has archived and deleted since it was made. */
  public long archivedSinceStart() {
    return archivedSinceStart.get();
  }

  /**
   * Starts a pass every interval on a daemon thread of its own, the first one interval from now.
   */
  public void start() {
    timer.start();
  }

  /** Stops the timer, letting a pass in progress finish. */
  public void stop() {
    timer.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void archiveLogged() {
    try {
      int archived = archive();
      if (archived > 0) {
        LOG.debug("Outbox archive pass archived {} messages", archived);
      }
    } catch (RuntimeException e) {
      LOG.debug("The next outbox archive pass runs in {}", interval);
    }
  }

  /** Collects the settings of an {@link OutboxArchiver}. */
  public static final class Builder {
    private @Nullable Outbox outbox;
    private @Nullable ArchiveProvider archiveProvider;
    private @Nullable Duration dispatchedAge = Duration.ofHours(24);
    private int batchSize = 100;
    private int maxBatchesPerPass = 10;
    private @Nullable Duration interval = Duration.ofSeconds(15);

    private Builder() {}

    /** The outbox to archive from. Required. */
    public Builder outbox(Outbox value) {
      this.outbox = value;
      return this;
    }

    /** Where archived messages go. Required. */
    public Builder archiveProvider(ArchiveProvider value) {
      this.archiveProvider = value;
      return this;
    }

    /** How long ago a message must have been dispatched to be archived; 24 hours by default. */
    public Builder dispatchedAge(Duration value) {
      this.dispatchedAge = value;
      return this;
    }

    /** The most messages read, archived and deleted together; 100 by default. */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** The most batches one pass archives, bounding its length; 10 by default. */
    public Builder maxBatchesPerPass(int value) {
      this.maxBatchesPerPass = value;
      return this;
    }

    /** The pause between passes once started; 15 seconds by default. */
    public Builder interval(Duration value) {
      this.interval = value;
      return this;
    }

    /**
     * The archiver, not yet started.
     *
     * @throws ConfigurationException naming the property that is missing or out of range
     */
    public OutboxArchiver build() {
      if (outbox == null) {
        throw new ConfigurationException("OutboxArchiver.outbox may not be null");
      }
      if (archiveProvider == null) {
        throw new ConfigurationException("OutboxArchiver.archiveProvider may not be null");
      }
      if (dispatchedAge == null || dispatchedAge.isNegative()) {
        throw new ConfigurationException("OutboxArchiver.dispatchedAge must be zero or more");
      }
      if (batchSize <= 0) {
        throw new ConfigurationException("OutboxArchiver.batchSize must be positive");
      }
      if (maxBatchesPerPass <= 0) {
        throw new ConfigurationException("OutboxArchiver.maxBatchesPerPass must be positive");
      }
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new ConfigurationException("OutboxArchiver.interval must be positive");
      }
      return new OutboxArchiver(this);
    }
  }
}
