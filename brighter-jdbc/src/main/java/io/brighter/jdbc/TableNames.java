package io.brighter.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Checks table names from configuration before they are put into SQL. */
final class TableNames {

  /** A letter or underscore, then letters, digits or underscores: 48 at most, index names fit. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

  private TableNames() {}

  /** {@code name} when it is a plain identifier; otherwise an {@link IllegalArgumentException}. */
  static String check(String name) {
    requireNonNull(name, "tableName must not be null");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tableName must match "
              + IDENTIFIER.pattern()
              + " (letters, digits and underscores, not starting with a digit): '"
              + name
              + "'");
    }
    return name;
  }
}
