package io.brighter.dynamodb.greetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/dynamodb-outbox.md shows {@link AddGreetingHandler} between its {@code docs snippet} markers
 * word for word; change both together.
 */
class DynamoDbOutboxDocsTest {

  private static final String SOURCE =
      "src/test/java/io/brighter/dynamodb/greetings/AddGreetingHandler.java";

  @Test
  void the_docs_show_the_compiled_handler() throws IOException {
    // given
    Path root = projectRoot();

    // when
    String docs = Files.readString(root.resolve("docs/dynamodb-outbox.md"), StandardCharsets.UTF_8);
    String snippet = snippet(root.resolve("brighter-dynamodb").resolve(SOURCE));

    // then
    assertThat(docs).contains("```java\n" + snippet + "```\n");
  }

  /** The nearest directory, from the working directory up, with the docs and this module. */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/dynamodb-outbox.md"))
          && Files.isRegularFile(dir.resolve("brighter-dynamodb").resolve(SOURCE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No docs/dynamodb-outbox.md with a brighter-dynamodb module above "
            + Path.of("").toAbsolutePath());
  }

  private static String snippet(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int begin = lines.indexOf("// docs snippet: begin");
    int end = lines.indexOf("// docs snippet: end");
    assertThat(begin).as("begin marker").isNotNegative();
    assertThat(end).as("end marker").isGreaterThan(begin);
    return lines.subList(begin + 1, end).stream()
        .map(line -> line + "\n")
        .collect(Collectors.joining());
  }
}
