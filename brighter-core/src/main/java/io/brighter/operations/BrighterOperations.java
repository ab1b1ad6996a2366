package io.brighter.operations;

import static java.util.Objects.requireNonNull;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.Message;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.archive.OutboxArchiver;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One API over a service's moving parts, for the question every team running an outbox asks on its
 * first bad day: what is stuck, where, and how do I send it again. A service assembles it from what
 * it has (each part optional):
 *
 * {@snippet :
 * BrighterOperations operations = BrighterOperations.builder()
 *     .dispatcher(dispatcher)
 *     .counters(counters) // counting the metrics given to the processor and dispatcher builders
 *     .outbox(outbox, commandProcessor)
 *     .deadLetterQueue(new RmqDeadLetterQueue(connection, "greetings.dlq"))
 *     .build();
 * }
 *
 * <ul>
 *   <li><b>Subscriptions</b>: each with its pumps, problems and counts; open, shut, set performers.
 *   <li><b>Outbox</b>: the outstanding messages per topic with the oldest's age, a page of them,
 *       one shown whole, and sending some again now (through the command processor's producers);
 *       how many were sent and archived since the start.
 *   <li><b>Dead letters</b>: per queue, a page with reasons and original topics, one shown whole,
 *       re-driving some, or all that a {@link DeadLetterFilter} matches, and purging.
 * </ul>
 *
 * <p><b>Threads and safety.</b> Every method runs on the caller's thread and goes straight to the
 * parts (the dispatcher, the outbox's store, the broker), so it may be called from any thread, as
 * often as those parts bear: a page of dead letters is read from the broker each time. The writing
 * methods ({@code open}, {@code shut}, {@code setPerformers}, {@code resend}, {@code redrive},
 * {@code purge}) act at once and cannot be undone: expose them only to operators (the Spring Boot
 * endpoint offers them only when enabled, and behind Spring Security when present).
 */
public final class BrighterOperations {

  private final @Nullable Dispatcher dispatcher;
  private final @Nullable MessageCounters counters;
  private final @Nullable Outbox outbox;
  private final @Nullable CommandProcessor sender;
  private final @Nullable OutboxArchiver archiver;
  private final Map<String, DeadLetterQueue> deadLetterQueues;
  private final int scanLimit;
  private final int maxBodyChars;
  private final Clock clock;

  private BrighterOperations(Builder builder) {
    this.dispatcher = builder.dispatcher;
    this.counters = builder.counters;
    this.outbox = builder.outbox;
    this.sender = builder.sender;
    this.archiver = builder.archiver;
    this.deadLetterQueues = Map.copyOf(builder.deadLetterQueues);
    this.scanLimit = builder.scanLimit;
    this.maxBodyChars = builder.maxBodyChars;
    this.clock = builder.clock;
  }

  /** A builder with no parts. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether a dispatcher was given, so subscriptions can be reported and steered. */
  public boolean hasDispatcher() {
    return dispatcher != null;
  }

  /** Whether an outbox was given. */
  public boolean hasOutbox() {
    return outbox != null;
  }

  // ---- subscriptions

  /** Each subscription of the dispatcher, in order; empty without a dispatcher. */
  public List<SubscriptionReport> subscriptions() {
    if (dispatcher == null) {
      return List.of();
    }
    List<ConsumerState> states = dispatcher.state();
    List<SubscriptionReport> reports = new ArrayList<>();
    for (Subscription subscription : dispatcher.subscriptions()) {
      List<ConsumerState> own =
          states.stream()
              .filter(state -> state.subscriptionName().equals(subscription.name()))
              .toList();
      MessageCounters.Settled settled =
          counters == null
              ? new MessageCounters.Settled(0, 0, 0)
              : counters.settled(subscription.name());
      reports.add(
          new SubscriptionReport(
              subscription.name(),
              subscription.channelName(),
              subscription.routingKey().value(),
              requestType(subscription),
              subscription.messagePumpType().name().toLowerCase(java.util.Locale.ROOT),
              subscription.noOfPerformers(),
              (int) own.stream().filter(ConsumerState::running).count(),
              problems(own),
              settled.handled(),
              settled.requeued(),
              settled.rejected()));
    }
    return reports;
  }

  /** Starts {@code name}'s pumps, up to its performers. */
  public void open(String name) {
    dispatcher().open(name);
  }

  /** Stops {@code name}'s pumps; each settles the message in hand. */
  public void shut(String name) {
    dispatcher().shut(name);
  }

  /** Runs {@code count} pumps for {@code name}. */
  public void setPerformers(String name, int count) {
    dispatcher().setActivePerformers(name, count);
  }

  // ---- outbox

  /**
   * The outstanding messages: the total, and per topic how many and the oldest's age, counted over
   * at most the scan limit of them.
   */
  public OutboxReport outbox() {
    Outbox store = store();
    long outstanding = store.outstandingCount();
    List<Message> scanned = store.outstandingMessages(Duration.ZERO, scanLimit);
    Instant now = clock.instant();
    Map<String, long[]> perTopic = new TreeMap<>();
    Map<String, Instant> oldest = new LinkedHashMap<>();
    for (Message message : scanned) {
      String topic = message.header().topic().value();
      perTopic.computeIfAbsent(topic, key -> new long[1])[0]++;
      oldest.merge(topic, message.header().timestamp(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<OutboxReport.TopicBacklog> topics =
        perTopic.entrySet().stream()
            .map(
                entry ->
                    new OutboxReport.TopicBacklog(
                        entry.getKey(),
                        entry.getValue()[0],
                        nonNegative(Duration.between(oldest.get(entry.getKey()), now))))
            .toList();
    return new OutboxReport(
        outstanding,
        topics,
        scanned.size() >= outstanding,
        counters == null ? 0 : counters.sent(),
        archiver == null ? 0 : archiver.archivedSinceStart());
  }

  /** Up to {@code limit} outstanding messages, oldest first. */
  public List<MessageSummary> outstanding(int limit) {
    return store().outstandingMessages(Duration.ZERO, checked(limit)).stream()
        .map(MessageViews::outstanding)
        .toList();
  }

  /** The outbox message {@code id} shown whole, when the outbox has it. */
  public Optional<MessageDetail> outboxMessage(Id id) {
    Message message = store().get(id);
    return message.isEmpty()
        ? Optional.empty()
        : Optional.of(
            MessageViews.detail(MessageViews.outstanding(message), message, maxBodyChars));
  }

  /** Sends the outstanding messages {@code ids} now, through the command processor's producers. */
  public void resend(Collection<Id> ids) {
    store();
    if (sender == null) {
      throw new ConfigurationException("BrighterOperations has no command processor to send with");
    }
    sender.clearOutbox(List.copyOf(ids));
  }

  // ---- dead letters

  /** The names of the dead-letter queues, sorted. */
  public List<String> deadLetterQueues() {
    return deadLetterQueues.keySet().stream().sorted().toList();
  }

  /** How many dead letters {@code queue} holds, by the broker's count where it keeps one. */
  public long deadLetterCount(String queue) {
    return deadLetterQueue(queue).count();
  }

  /** Up to {@code limit} dead letters of {@code queue}, oldest first, left in the queue. */
  public List<MessageSummary> deadLetters(String queue, int limit) {
    return deadLetterQueue(queue).peek(checked(limit)).stream()
        .map(MessageViews::deadLetter)
        .toList();
  }

  /** The dead letter {@code id} of {@code queue} shown whole, looked for among the scan limit. */
  public Optional<MessageDetail> deadLetter(String queue, Id id) {
    return deadLetterQueue(queue).peek(scanLimit).stream()
        .filter(letter -> letter.id().equals(id))
        .findFirst()
        .map(
            letter ->
                MessageViews.detail(
                    MessageViews.deadLetter(letter), letter.message(), maxBodyChars));
  }

  /** Re-drives the dead letters {@code ids} of {@code queue} (among the scan limit). */
  public int redrive(String queue, Collection<Id> ids) {
    Set<Id> chosen = Set.copyOf(ids);
    return deadLetterQueue(queue).redrive(letter -> chosen.contains(letter.id()), scanLimit);
  }

  /** Re-drives every dead letter of {@code queue} that {@code filter} matches (scan limit). */
  public int redrive(String queue, DeadLetterFilter filter) {
    return deadLetterQueue(queue).redrive(requireNonNull(filter, "filter"), scanLimit);
  }

  /** Removes every dead letter of {@code queue}; how many. */
  public long purge(String queue) {
    return deadLetterQueue(queue).purge();
  }

  private DeadLetterQueue deadLetterQueue(String name) {
    DeadLetterQueue queue = deadLetterQueues.get(requireNonNull(name, "queue must not be null"));
    if (queue == null) {
      throw new ConfigurationException("No dead-letter queue named " + name);
    }
    return queue;
  }

  private Dispatcher dispatcher() {
    if (dispatcher == null) {
      throw new ConfigurationException("BrighterOperations has no dispatcher");
    }
    return dispatcher;
  }

  private Outbox store() {
    if (outbox == null) {
      throw new ConfigurationException("BrighterOperations has no outbox");
    }
    return outbox;
  }

  /** The request type's name, or what tells it when each message names its own. */
  private static String requestType(Subscription subscription) {
    Class<?> type = subscription.requestType();
    return type == null ? "(read from each message)" : type.getName();
  }

  private static List<String> problems(List<ConsumerState> states) {
    List<String> problems = new ArrayList<>();
    for (ConsumerState state : states) {
      if (state.error() != null) {
        problems.add(state.consumerName() + " died: " + state.error());
      } else if (state.channelFailure() != null) {
        problems.add(state.consumerName() + " channel is failing: " + state.channelFailure());
      }
    }
    return problems;
  }

  private static int checked(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return limit;
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /** Builds {@link BrighterOperations}; every part is optional. */
  public static final class Builder {
    private @Nullable Dispatcher dispatcher;
    private @Nullable MessageCounters counters;
    private @Nullable Outbox outbox;
    private @Nullable CommandProcessor sender;
    private @Nullable OutboxArchiver archiver;
    private final Map<String, DeadLetterQueue> deadLetterQueues = new LinkedHashMap<>();
    private final Set<String> named = new java.util.HashSet<>();
    private int scanLimit = 1_000;
    private int maxBodyChars = 4_096;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The dispatcher whose subscriptions are reported and steered; the dead-letter queues its
     * subscriptions' channel factories offer are added (those not already named).
     */
    public Builder dispatcher(Dispatcher value) {
      this.dispatcher = requireNonNull(value, "dispatcher must not be null");
      for (Subscription subscription : value.subscriptions()) {
        for (DeadLetterQueue queue : subscription.channelFactory().deadLetterQueues(subscription)) {
          deadLetterQueues.putIfAbsent(queue.name(), queue);
        }
      }
      return this;
    }

    /** The counters whose {@code counting} metrics the processor and dispatcher were given. */
    public Builder counters(MessageCounters value) {
      this.counters = requireNonNull(value, "counters must not be null");
      return this;
    }

    /** The outbox reported, and the command processor whose producers send it again. */
    public Builder outbox(Outbox value, CommandProcessor processor) {
      this.outbox = requireNonNull(value, "outbox must not be null");
      this.sender = requireNonNull(processor, "processor must not be null");
      return this;
    }

    /** The outbox's archiver, for how many messages it archived. */
    public Builder archiver(OutboxArchiver value) {
      this.archiver = requireNonNull(value, "archiver must not be null");
      return this;
    }

    /**
     * A dead-letter queue, known by its name; it replaces one of that name the dispatcher's
     * subscriptions offered.
     */
    public Builder deadLetterQueue(DeadLetterQueue queue) {
      requireNonNull(queue, "queue must not be null");
      if (!named.add(queue.name())) {
        throw new ConfigurationException("Two dead-letter queues are named " + queue.name());
      }
      deadLetterQueues.put(queue.name(), queue);
      return this;
    }

    /**
     * The most messages one call reads from an outbox or a queue to count, find or re-drive: 1,000
     * unless set.
     */
    public Builder scanLimit(int value) {
      if (value < 1) {
        throw new ConfigurationException("BrighterOperations.scanLimit must be at least 1");
      }
      this.scanLimit = value;
      return this;
    }

    /** The most body characters shown; longer bodies are cut. 4,096 unless set. */
    public Builder maxBodyChars(int value) {
      if (value < 1) {
        throw new ConfigurationException("BrighterOperations.maxBodyChars must be at least 1");
      }
      this.maxBodyChars = value;
      return this;
    }

    /** The clock ages are measured with. */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock must not be null");
      return this;
    }

    /** The operations over the parts given. */
    public BrighterOperations build() {
      return new BrighterOperations(this);
    }
  }
}
