package io.brighter.benchmarks;

import java.util.Arrays;

/**
 * What the transport harnesses share: {@code name=value} arguments and the median of their rounds.
 */
public final class HarnessArgs {

  private HarnessArgs() {}

  /** The value of {@code name=value} among {@code args}, else {@code fallback}. */
  public static String text(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  /** The whole number given as {@code name=value} among {@code args}, else {@code fallback}. */
  public static int option(String[] args, String name, int fallback) {
    return Integer.parseInt(text(args, name, Integer.toString(fallback)));
  }

  /** The median of {@code values} (the upper one of an even count). */
  public static double median(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }
}
