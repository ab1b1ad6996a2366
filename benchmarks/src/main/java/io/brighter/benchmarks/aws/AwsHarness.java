package io.brighter.benchmarks.aws;

import static io.brighter.benchmarks.HarnessArgs.median;
import static io.brighter.benchmarks.HarnessArgs.option;
import static io.brighter.benchmarks.HarnessArgs.text;

import java.util.Locale;

/**
 * The AWS throughput harness: Brighter's SNS/SQS transport and DynamoDB outbox measured in one run
 * beside raw AWS SDK loops doing the same work, on the local endpoints of {@code
 * brighter-aws-local} (ElasticMQ and the SNS front in this JVM, dynalite beside it). Those
 * endpoints' own ceilings bound both sides, so the ratios say how much Brighter adds, not how fast
 * AWS is. Each scenario runs a warm-up of each side, then {@code rounds} measured rounds
 * alternating raw and Brighter; the table shows the median of the rounds.
 *
 * {@snippet lang = "shell" :
 * java -cp benchmarks/target/benchmarks.jar io.brighter.benchmarks.aws.AwsHarness
 * }
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code relay} (messages, 2000), {@code
 * consume} (messages, 5000), {@code batch} (messages per DynamoDB transaction, 25), {@code rounds}
 * (3), {@code only} (the scenarios to run, {@code relay,consume} by default).
 */
public final class AwsHarness {

  private AwsHarness() {}

  /** Runs the scenarios and prints the table. */
  public static void main(String[] args) throws Exception {
    int relayMessages = option(args, "relay", 2_000);
    int consumeMessages = option(args, "consume", 5_000);
    int batch = option(args, "batch", 25);
    int rounds = option(args, "rounds", 3);
    String only = text(args, "only", "relay,consume");

    AwsRelayScenario relay = new AwsRelayScenario(batch);
    double[] relayRaw = new double[rounds];
    double[] relayBrighter = new double[rounds];
    if (only.contains("relay")) {
      relay.raw(relayMessages / 2);
      relay.brighter(relayMessages / 2);
      for (int round = 0; round < rounds; round++) {
        relayRaw[round] = relay.raw(relayMessages);
        relayBrighter[round] = relay.brighter(relayMessages);
        System.out.printf(
            Locale.ROOT,
            "relay round %d: raw %.0f msg/s, brighter %.0f msg/s%n",
            round + 1,
            relayRaw[round],
            relayBrighter[round]);
      }
    }

    AwsConsumeScenario consume = new AwsConsumeScenario();
    double[] consumeRaw = new double[rounds];
    double[] consumeBatch = new double[rounds];
    double[] consumeBrighter = new double[rounds];
    if (only.contains("consume")) {
      consume.raw(consumeMessages / 2);
      consume.brighter(consumeMessages / 2);
      for (int round = 0; round < rounds; round++) {
        consumeRaw[round] = consume.raw(consumeMessages);
        consumeBatch[round] = consume.rawBatchDelete(consumeMessages);
        consumeBrighter[round] = consume.brighter(consumeMessages);
        System.out.printf(
            Locale.ROOT,
            "consume round %d: raw %.0f msg/s, raw with batch deletes %.0f msg/s, brighter %.0f"
                + " msg/s%n",
            round + 1,
            consumeRaw[round],
            consumeBatch[round],
            consumeBrighter[round]);
      }
    }

    System.out.println();
    System.out.println("| scenario | raw AWS SDK | Brighter | Brighter / raw |");
    System.out.println("|---|---:|---:|---:|");
    if (only.contains("relay")) {
      row(
          "(a) outbox relay DynamoDB → SNS → SQS, transactions of " + batch + ", msg/s",
          median(relayRaw),
          median(relayBrighter));
    }
    if (only.contains("consume")) {
      row(
          "(c) SQS receive 10 → no-op handler → delete each, msg/s",
          median(consumeRaw),
          median(consumeBrighter));
      row(
          "(c') the same, raw deleting each receive's messages in one batch, msg/s",
          median(consumeBatch),
          median(consumeBrighter));
    }
  }

  private static void row(String scenario, double raw, double brighter) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f %% |%n",
        scenario,
        raw,
        brighter,
        brighter / raw * 100);
  }
}
