package io.brighter.benchmarks.jdbc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line: {@code --threads N} (transactions in flight, default 4), {@code
 * --seconds S} (length of one measured round, default 5), {@code --rounds R} (rounds per variant,
 * default 3, variants alternating), {@code --backlog N} (messages the sweeper drains, default
 * 100000) and {@code --dispatched A,B} (dispatched rows already in the table, default
 * 10000,1000000).
 *
 * @param threads transactions in flight
 * @param round length of one measured round
 * @param rounds rounds per variant
 * @param backlog messages the sweeper drains
 * @param dispatchedRows dispatched rows in the table, one drain per value
 */
record HarnessOptions(
    int threads, Duration round, int rounds, int backlog, List<Integer> dispatchedRows) {

  static HarnessOptions parse(String[] args) {
    int threads = 4;
    int seconds = 5;
    int rounds = 3;
    int backlog = 100_000;
    List<Integer> dispatched = List.of(10_000, 1_000_000);
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--backlog" -> backlog = Integer.parseInt(value);
        case "--dispatched" ->
            dispatched = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + args[i]
                    + "; known: --threads, --seconds, --rounds, --backlog, --dispatched");
      }
    }
    return new HarnessOptions(threads, Duration.ofSeconds(seconds), rounds, backlog, dispatched);
  }
}
