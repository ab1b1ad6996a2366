package io.brighter.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the in-process benchmarks of Brighter and Axon in one run and prints a table of both, shape
 * by shape, with the ratio and Brighter's target; shapes with no Axon twin (the external bus) show
 * "-" for Axon and "no target". Every score is the average time per operation in nanoseconds; for
 * the message pump ({@link PumpBenchmarks}) one operation is one message, and a parameterized shape
 * is listed once per parameter set. With {@code -prof gc} the table adds Brighter's bytes per
 * operation. Any JMH command-line option overrides the defaults (two forks, 5 × 1 s warm-up, 5 × 1
 * s measurement, average time in ns).
 */
public final class BenchmarkMain {

  private static final Map<String, Long> TARGETS_NS =
      Map.of("send", 50L, "sendThreeAnnotations", 150L, "execute", 60L);

  /** The GC profiler's bytes allocated per operation, present when run with {@code -prof gc}. */
  private static final String ALLOCATION = "gc.alloc.rate.norm";

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

  /** A run's JMH parameters, e.g. {@code [performers=4, bufferSize=10]}; empty when it has none. */
  private static String parameters(RunResult result) {
    BenchmarkParams params = result.getParams();
    Collection<String> keys = params.getParamsKeys();
    if (keys.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner(", ", " [", "]");
    keys.forEach(key -> joined.add(key + "=" + params.getParam(key)));
    return joined.toString();
  }

  static String table(Collection<RunResult> results) {
    Map<String, double[]> byShape = new TreeMap<>();
    Map<String, Double> errors = new TreeMap<>();
    Map<String, Double> bytesPerOp = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      boolean axon = benchmark.contains("Axon") || method.startsWith("axon");
      String shape = shapeOf(method) + parameters(result);
      double score = result.getPrimaryResult().getScore();
      byShape.computeIfAbsent(shape, s -> new double[] {Double.NaN, Double.NaN})[axon ? 1 : 0] =
          score;
      if (!axon) {
        errors.put(shape, result.getPrimaryResult().getScoreError());
        Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
        if (allocation != null) {
          bytesPerOp.put(shape, allocation.getScore());
        }
      }
    }
    boolean withAllocation = !bytesPerOp.isEmpty();
    StringBuilder table = new StringBuilder();
    table.append("| shape | Brighter ns/op |");
    table.append(withAllocation ? " Brighter B/op |" : "");
    table.append(" Axon 4.13 ns/op | Axon / Brighter | target |\n");
    table.append(withAllocation ? "|---|---:|---:|---:|---:|---|\n" : "|---|---:|---:|---:|---|\n");
    byShape.forEach(
        (shape, scores) -> {
          boolean hasAxon = !Double.isNaN(scores[1]);
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f ± %.1f |%s %s | %s | %s |%n",
                  shape,
                  scores[0],
                  errors.getOrDefault(shape, Double.NaN),
                  withAllocation
                      ? String.format(
                          Locale.ROOT, " %.0f |", bytesPerOp.getOrDefault(shape, Double.NaN))
                      : "",
                  hasAxon ? String.format(Locale.ROOT, "%.1f", scores[1]) : "-",
                  hasAxon ? String.format(Locale.ROOT, "%.1f×", scores[1] / scores[0]) : "-",
                  target(shape, scores[0], hasAxon)));
        });
    return table.toString();
  }

  /** Brighter's target for a shape: a time, else beating Axon, else none (no Axon twin). */
  private static String target(String shape, double brighterNs, boolean hasAxon) {
    Long target = TARGETS_NS.get(shape);
    if (target != null) {
      return "≤ " + target + " ns" + (brighterNs <= target ? " (met)" : " (missed)");
    }
    return hasAxon ? "faster than Axon" : "no target";
  }
}
