package io.brighter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's {@code main} in a JVM of its own with the test's class path, for tests that kill
 * a process half-way or share a server across test JVMs. Surefire runs tests from a manifest-only
 * jar it deletes afterwards, so the class path is taken from {@code surefire.test.class.path} when
 * Surefire sets it.
 *
 * {@snippet :
 * Process redrive = TestJvm.start(RedriveProcess.class, List.of(), List.of(uri, queue),
 *     ProcessBuilder.Redirect.DISCARD);
 * }
 */
public final class TestJvm {

  private TestJvm() {}

  /**
   * Starts {@code main} with the JVM options {@code jvmOptions} and the arguments {@code
   * arguments}, its output and errors going to {@code output}.
   */
  public static Process start(
      Class<?> main,
      List<String> jvmOptions,
      List<String> arguments,
      ProcessBuilder.Redirect output) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(arguments);
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a JVM for " + main.getName(), e);
    }
  }
}
