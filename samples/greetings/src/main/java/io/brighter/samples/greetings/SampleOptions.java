package io.brighter.samples.greetings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The sample's command line: {@code --db sqlite|postgres|mariadb} (default {@code sqlite}, files
 * under {@code --data-dir}, default {@code target/greetings-data}), {@code --port N} (default 8080;
 * 0 picks a free port) and {@code --exit} (stop after the demo instead of serving on).
 *
 * @param database where both services keep their tables
 * @param port the greetings API's HTTP port
 * @param dataDir where SQLite files go
 * @param exitAfterDemo whether to stop after the demo
 */
public record SampleOptions(
    SampleDatabase database, int port, Path dataDir, boolean exitAfterDemo) {

  /** Parses {@code args}; throws {@link IllegalArgumentException} with the usage on bad input. */
  public static SampleOptions parse(String[] args) {
    SampleDatabase database = SampleDatabase.SQLITE;
    int port = 8080;
    Path dataDir = Path.of("target", "greetings-data");
    boolean exit = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> database = SampleDatabase.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i));
        case "--exit" -> exit = true;
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new SampleOptions(database, port, dataDir, exit);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  /** How to call the sample. */
  public static final String USAGE =
      "usage: greetings [--db sqlite|postgres|mariadb] [--port N] [--data-dir DIR] [--exit]";
}
