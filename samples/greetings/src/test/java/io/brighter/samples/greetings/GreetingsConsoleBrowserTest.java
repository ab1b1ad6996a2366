package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.samples.greetings.SampleOptions.Bus;
import io.brighter.testing.browser.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations console of the running sample in a real browser (headless Chromium): after the
 * demo, the greeting dead-lettered while salutations were paused is listed with its reason; a click
 * on its re-drive button sends it back, and the salutation service answers it. The screenshots stay
 * in {@code target/console-screenshots}.
 */
class GreetingsConsoleBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @TempDir Path dataDir;

  @Test
  void the_paused_greeting_is_redriven_from_the_console_and_saluted() throws Exception {
    SampleOptions options =
        SampleOptions.defaults()
            .withBus(Bus.MEMORY, null)
            .withPort(0)
            .withDataDir(dataDir)
            .withExitAfterDemo(true);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Files.createDirectories(SCREENSHOTS);

    try (GreetingsApp app =
            new GreetingsApp(options, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .start();
        HeadlessChromium chromium = HeadlessChromium.start()) {
      Id deadLettered = app.runDemo().deadLettered();
      assertThat(deadLettered).isNotNull();
      String row = "tr[data-id='" + deadLettered.value() + "']";

      HeadlessChromium.Page page =
          chromium.open("http://127.0.0.1:" + app.port() + "/brighter/console");
      page.awaitTrue("document.querySelector(\"" + row + "\") !== null", Duration.ofSeconds(20));
      assertThat(
              page.evaluate("document.querySelector(\"" + row + " td.reason\").textContent")
                  .asText())
          .contains("Salutations are paused");
      assertThat(app.salutationsFor(deadLettered.value())).isZero();
      Files.write(SCREENSHOTS.resolve("greetings-console.png"), page.screenshot());

      page.click(row + " button.redrive");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> app.salutationsFor(deadLettered.value()) == 1);
      page.awaitTrue("document.querySelector(\"" + row + "\") === null", Duration.ofSeconds(20));
      Files.write(SCREENSHOTS.resolve("greetings-console-redriven.png"), page.screenshot());
    }
  }
}
