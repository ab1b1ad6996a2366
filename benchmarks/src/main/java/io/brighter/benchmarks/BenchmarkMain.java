package io.brighter.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the in-process benchmarks of Brighter and Axon in one run and prints a table of both, shape
 * by shape, with the ratio and Brighter's target. Any JMH command-line option overrides the
 * defaults (two forks, 5 × 1 s warm-up, 5 × 1 s measurement, average time in ns).
 */
public final class BenchmarkMain {

  private static final Map<String, Long> TARGETS_NS =
      Map.of("send", 50L, "sendThreeAnnotations", 150L, "execute", 60L);

  private BenchmarkMain() {}

  /** Entry point of {@code java -jar benchmarks/target/benchmarks.jar}. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(commandLine);
    if (commandLine.getIncludes().isEmpty()) {
      options.include("io\\.brighter\\.benchmarks\\..*Benchmarks\\..*");
    }
    if (!commandLine.getForkCount().hasValue()) {
      options.forks(2);
    }
    if (!commandLine.getWarmupIterations().hasValue()) {
      options.warmupIterations(5);
    }
    if (!commandLine.getWarmupTime().hasValue()) {
      options.warmupTime(TimeValue.seconds(1));
    }
    if (!commandLine.getMeasurementIterations().hasValue()) {
      options.measurementIterations(5);
    }
    if (!commandLine.getMeasurementTime().hasValue()) {
      options.measurementTime(TimeValue.seconds(1));
    }
    if (!commandLine.getTimeUnit().hasValue()) {
      options.timeUnit(TimeUnit.NANOSECONDS);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println(table(results));
  }

  /** {@code brighterExecute} and {@code axonExecute} are both the shape {@code execute}. */
  private static String shapeOf(String method) {
    for (String prefix : new String[] {"brighter", "axon"}) {
      if (method.startsWith(prefix)) {
        String rest = method.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return method;
  }

  static String table(Collection<RunResult> results) {
    Map<String, double[]> byShape = new TreeMap<>();
    Map<String, Double> errors = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      boolean axon = benchmark.contains("Axon") || method.startsWith("axon");
      String shape = shapeOf(method);
      double score = result.getPrimaryResult().getScore();
      byShape.computeIfAbsent(shape, s -> new double[] {Double.NaN, Double.NaN})[axon ? 1 : 0] =
          score;
      if (!axon) {
        errors.put(shape, result.getPrimaryResult().getScoreError());
      }
    }
    StringBuilder table = new StringBuilder();
    table.append("| shape | Brighter ns/op | Axon 4.13 ns/op | Axon / Brighter | target |\n");
    table.append("|---|---:|---:|---:|---|\n");
    byShape.forEach(
        (shape, scores) -> {
          Long target = TARGETS_NS.get(shape);
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f ± %.1f | %s | %s | %s |%n",
                  shape,
                  scores[0],
                  errors.getOrDefault(shape, Double.NaN),
                  Double.isNaN(scores[1]) ? "-" : String.format(Locale.ROOT, "%.1f", scores[1]),
                  Double.isNaN(scores[1])
                      ? "-"
                      : String.format(Locale.ROOT, "%.1f×", scores[1] / scores[0]),
                  target == null
                      ? "faster than Axon"
                      : "≤ " + target + " ns" + (scores[0] <= target ? " (met)" : " (missed)")));
        });
    return table.toString();
  }
}
