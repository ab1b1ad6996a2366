package io.brighter.benchmarks.rabbitmq;

import static io.brighter.benchmarks.HarnessArgs.median;
import static io.brighter.benchmarks.HarnessArgs.option;
import static io.brighter.benchmarks.HarnessArgs.text;

import java.util.Locale;

/**
 * The RabbitMQ throughput and latency harness: Brighter's transport measured in one run beside a
 * raw amqp-client loop doing the same work, on the loopback PostgreSQL and RabbitMQ. Each
 * throughput scenario runs a warm-up of each side, then {@code rounds} measured rounds alternating
 * raw and Brighter; the table shows the median of the rounds.
 *
 * {@snippet lang = "shell" :
 * java -cp benchmarks/target/benchmarks.jar io.brighter.benchmarks.rabbitmq.RmqHarness
 * }
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code relay} (messages, 20000), {@code
 * consume} (messages, 50000), {@code rate} (latency scenario, messages per second, 500), {@code
 * seconds} (latency scenario, 10), {@code rounds} (3), {@code only} (the scenarios to run, e.g.
 * {@code only=relay,consume}; all three by default).
 */
public final class RmqHarness {

  private RmqHarness() {}

  /** Runs every scenario and prints the table. */
  public static void main(String[] args) throws Exception {
    int relayMessages = option(args, "relay", 20_000);
    int consumeMessages = option(args, "consume", 50_000);
    int rate = option(args, "rate", 500);
    int seconds = option(args, "seconds", 10);
    int rounds = option(args, "rounds", 3);
    String only = text(args, "only", "relay,consume,latency");
    double[] relayRaw = new double[rounds];
    double[] relayBrighter = new double[rounds];
    double[] consumeRaw = new double[rounds];
    double[] consumeBrighter = new double[rounds];

    RelayScenario relay = new RelayScenario(500);
    if (only.contains("relay")) {
      relay.raw(relayMessages / 2);
      relay.brighter(relayMessages / 2);
    }
    double[] relayFloor = new double[rounds];
    double[] relayWire = new double[rounds];
    for (int round = 0; only.contains("relay") && round < rounds; round++) {
      relayRaw[round] = relay.raw(relayMessages);
      relayBrighter[round] = relay.brighter(relayMessages);
      relayFloor[round] = relay.rawOnOutboxTable(relayMessages);
      relayWire[round] = relay.rawWithBrighterWireFormat(relayMessages);
      System.out.printf(
          Locale.ROOT,
          "relay round %d: raw %.0f msg/s, brighter %.0f msg/s, raw on the outbox table %.0f"
              + " msg/s, raw with Brighter's wire format %.0f msg/s%n",
          round + 1,
          relayRaw[round],
          relayBrighter[round],
          relayFloor[round],
          relayWire[round]);
    }

    ConsumeScenario consume = new ConsumeScenario();
    double[] consumeRawCpu = new double[rounds];
    double[] consumeBrighterCpu = new double[rounds];
    for (int warmUp = 0; only.contains("consume") && warmUp < 2; warmUp++) {
      consume.raw(consumeMessages); // two full warm-ups: CPU per message counts the JIT's work
      consume.brighter(consumeMessages);
    }
    for (int round = 0; only.contains("consume") && round < rounds; round++) {
      consumeRaw[round] = consume.raw(consumeMessages);
      double rawCpu = consume.lastCpuMicrosPerMessage;
      consumeRawCpu[round] = rawCpu;
      consumeBrighter[round] = consume.brighter(consumeMessages);
      consumeBrighterCpu[round] = consume.lastCpuMicrosPerMessage;
      System.out.printf(
          Locale.ROOT,
          "consume round %d: raw %.0f msg/s (%.1f µs CPU/msg), brighter %.0f msg/s (%.1f µs CPU/msg)%n",
          round + 1,
          consumeRaw[round],
          rawCpu,
          consumeBrighter[round],
          consume.lastCpuMicrosPerMessage);
    }

    LatencyScenario latency = new LatencyScenario();
    long[] latencyRaw = {0};
    long[] latencyBrighter = {0};
    if (only.contains("latency")) {
      latency.raw(rate, rate);
      latency.brighter(rate, rate);
      latencyRaw = latency.raw(rate, rate * seconds);
      latencyBrighter = latency.brighter(rate, rate * seconds);
    }

    System.out.println();
    System.out.println("| scenario | raw amqp-client | Brighter | Brighter / raw | target |");
    System.out.println("|---|---:|---:|---:|---|");
    if (only.contains("relay")) {
      row("(a) outbox relay PostgreSQL → RabbitMQ, msg/s", median(relayRaw), median(relayBrighter));
      row(
          "(a') the raw loop on Brighter's outbox table (its columns and indexes), msg/s",
          median(relayRaw),
          median(relayFloor));
      row(
          "(a'') the raw loop publishing Brighter's headers, mandatory, msg/s",
          median(relayRaw),
          median(relayWire));
    }
    if (only.contains("consume")) {
      row(
          "(c) consume → no-op handler → ack, prefetch " + ConsumeScenario.PREFETCH + ", msg/s",
          median(consumeRaw),
          median(consumeBrighter));
      double cpuRatio = median(consumeBrighterCpu) / median(consumeRawCpu);
      System.out.printf(
          Locale.ROOT,
          "| (c) the same, process CPU per message, µs | %.1f | %.1f | %.2f× | ≤ 1.3× (%s) |%n",
          median(consumeRawCpu),
          median(consumeBrighterCpu),
          cpuRatio,
          cpuRatio <= 1.3 ? "met" : "not met");
    }
    if (only.contains("latency")) {
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "(d) commit-to-broker-ack latency at %d msg/s for %d s, µs%n",
          rate,
          seconds);
      System.out.println("| side | p50 | p99 | max |");
      System.out.println("|---|---:|---:|---:|");
      latencyRow("raw amqp-client", latencyRaw);
      latencyRow("Brighter", latencyBrighter);
    }
  }

  private static void row(String scenario, double raw, double brighter) {
    double ratio = brighter / raw;
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f %% | ≥ 80 %% (%s) |%n",
        scenario,
        raw,
        brighter,
        ratio * 100,
        ratio >= 0.8 ? "met" : "not met");
  }

  private static void latencyRow(String side, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d |%n",
        side,
        LatencyScenario.percentile(sorted, 50),
        LatencyScenario.percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }
}
