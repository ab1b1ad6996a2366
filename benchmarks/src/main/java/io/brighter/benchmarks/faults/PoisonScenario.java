package io.brighter.benchmarks.faults;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Scenario 6, poison and fuzz: publishes messages with the broker's own client ({@link
 * FuzzMessages}: half valid, half broken in every way the header codec and the mapper must survive)
 * to a consumer process running the matrix's dispatcher, then checks that every valid message had
 * its effect once, every invalid one reached a dead-letter or invalid-message channel with a
 * reason, nothing stayed unsettled, no pump died and no exception went uncaught.
 */
final class PoisonScenario {

  private static final Duration FINISH_WITHIN = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration SETTLE_WITHIN = Duration.ofSeconds(30);
  private static final Duration LATE_DUPLICATES = Duration.ofSeconds(2);

  private PoisonScenario() {}

  /** Publishes {@code count} fuzzed messages drawn from {@code seed} and checks where they went. */
  static PoisonRow run(
      FaultTransport transport, @Nullable EmbeddedKafkaBroker kafka, int count, long seed)
      throws Exception {
    FaultTables.reset();
    FaultSetup setup =
        new FaultSetup(
            transport,
            "faults-6-" + Id.random().value().substring(24),
            kafka == null ? "-" : kafka.bootstrapServers(),
            0);
    FuzzMessages messages =
        switch (transport) {
          case rabbitmq ->
              new FuzzMessages(setup.topicName(), "cloudEvents_type", "cloudEvents_time", seed);
          case kafka -> new FuzzMessages(setup.topicName(), "ce_type", "ce_time", seed);
        };
    Set<String> validIds = new HashSet<>();
    Set<Integer> validSequences = new HashSet<>();
    Set<Integer> invalidSequences = new HashSet<>();
    try (FaultWorkers workers = new FaultWorkers(setup, Path.of("target", "faults"));
        FuzzBroker broker = startConsumer(workers, setup, kafka)) {
      long start = System.nanoTime();
      for (int sequence = 0; sequence < count; sequence++) {
        FuzzMessage message = messages.message(sequence);
        broker.publish(message);
        if (message.workId() != null) {
          validIds.add(message.workId());
          validSequences.add(sequence);
        } else {
          invalidSequences.add(sequence);
        }
      }
      broker.flush();
      Waits.atLeast(
          () -> FaultTables.distinct(FaultTables.EFFECTS), validIds.size(), FINISH_WITHIN, POLL);
      Waits.atLeast(
          () -> broker.deadLetters().size(), invalidSequences.size(), FINISH_WITHIN, POLL);
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      Thread.sleep(LATE_DUPLICATES.toMillis());
      Map<Integer, String> deadLetters = broker.deadLetters();
      long unsettled = Waits.zero(broker::unsettled, SETTLE_WITHIN);
      Set<String> effects = FaultTables.distinctIds(FaultTables.EFFECTS);
      long handled = validIds.stream().filter(effects::contains).count();
      long deadLettered =
          invalidSequences.stream()
              .filter(sequence -> !deadLetters.getOrDefault(sequence, "").isBlank())
              .count();
      reportStrays(messages, count, validIds, effects, deadLetters);
      long misfiled =
          validSequences.stream().filter(deadLetters::containsKey).count()
              + (effects.size() - handled)
              + deadLetters.values().stream().filter(String::isBlank).count();
      return new PoisonRow(
          transport,
          count,
          validIds.size(),
          handled,
          FaultTables.rows(FaultTables.EFFECTS) - effects.size(),
          invalidSequences.size(),
          deadLettered,
          misfiled,
          unsettled,
          workers.linesWith(FaultWorker.PUMP_DIED),
          workers.linesWith(FaultWorker.UNCAUGHT),
          elapsedMillis);
    }
  }

  /**
   * Prints, by kind, the messages that did not go where they should: valid ones without an effect
   * or dead-lettered, invalid ones not dead-lettered or dead-lettered without a reason.
   */
  private static void reportStrays(
      FuzzMessages messages,
      int count,
      Set<String> validIds,
      Set<String> effects,
      Map<Integer, String> deadLetters) {
    Map<String, Integer> strays = new TreeMap<>();
    for (int sequence = 0; sequence < count; sequence++) {
      FuzzKind kind = messages.kind(sequence);
      String reason = deadLetters.get(sequence);
      String stray;
      if (kind.valid()) {
        stray = reason != null ? "dead-lettered" : null;
      } else {
        stray = reason == null ? "not dead-lettered" : reason.isBlank() ? "no reason" : null;
      }
      if (stray != null) {
        strays.merge(kind + " " + stray, 1, Integer::sum);
      }
    }
    long handledValid = validIds.stream().filter(effects::contains).count();
    if (handledValid < validIds.size()) {
      strays.put("valid without an effect", validIds.size() - (int) handledValid);
    }
    strays.forEach((stray, n) -> System.out.println("  stray: " + n + " " + stray));
  }

  /** Starts the consumer, which makes the topics, then opens the raw view of its broker. */
  private static FuzzBroker startConsumer(
      FaultWorkers workers, FaultSetup setup, @Nullable EmbeddedKafkaBroker kafka)
      throws Exception {
    workers.start("consumer");
    return switch (setup.transport()) {
      case rabbitmq -> new RabbitFuzzBroker(setup.topicName());
      case kafka ->
          new KafkaFuzzBroker(requireNonNull(kafka, "kafka").bootstrapServers(), setup.topicName());
    };
  }
}
