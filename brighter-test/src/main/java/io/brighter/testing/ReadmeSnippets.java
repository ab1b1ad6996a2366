package io.brighter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Code the README shows, kept in a test that runs it: the lines between {@code // <marker>: begin}
 * and {@code // <marker>: end} of a test's source, without the method body's indentation, must
 * appear in README.md as a Java code block.
 *
 * {@snippet :
 * assertThat(ReadmeSnippets.readme())
 *     .contains(ReadmeSnippets.codeBlock("brighter-azure/src/test/java/…/ReadmeExampleIT.java",
 *         "README snippet"));
 * }
 */
public final class ReadmeSnippets {

  private ReadmeSnippets() {}

  /** The project's root: the working directory, or its parent when run from a module. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    Path parent = dir.getParent();
    return Files.isRegularFile(dir.resolve("README.md")) || parent == null ? dir : parent;
  }

  /** The README's text. */
  public static String readme() {
    return read(root().resolve("README.md"));
  }

  /**
   * The Java code block the README should hold for the lines marked {@code marker} in {@code
   * source} (a path from the project's root), indented four spaces in a method body.
   */
  public static String codeBlock(String source, String marker) {
    String code = read(root().resolve(source));
    String begin = "// " + marker + ": begin\n";
    int from = code.indexOf(begin);
    int to = code.indexOf("    // " + marker + ": end");
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("No " + marker + " markers in " + source);
    }
    return "```java\n"
        + code.substring(from + begin.length(), to).replaceAll("(?m)^ {4}", "")
        + "```\n";
  }

  /**
   * The Java code block the README should hold for the whole file {@code source}, from its first
   * import on (the package line is the reader's own).
   */
  public static String javaFile(String source) {
    String code = read(root().resolve(source));
    int from = code.indexOf("import ");
    if (from < 0) {
      throw new IllegalArgumentException("No import in " + source);
    }
    return "```java\n" + code.substring(from) + "```\n";
  }

  /** The properties code block the README should hold for the whole file {@code source}. */
  public static String propertiesFile(String source) {
    return "```properties\n" + read(root().resolve(source)) + "```\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
