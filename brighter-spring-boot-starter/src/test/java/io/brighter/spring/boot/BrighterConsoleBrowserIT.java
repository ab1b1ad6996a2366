package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.spring.boot.BrighterEndpointIT.Ordered;
import io.brighter.testing.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The web console in a real browser (headless Chromium): it loads against a running application,
 * shows a poison message's dead letter with its reason, and a click on its re-drive button sends it
 * back to its handler, which now takes it. The screenshots stay in {@code
 * target/console-screenshots} as the test's artifacts.
 */
@SpringBootTest(
    classes = BrighterEndpointIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "brighter.sweeper.enabled=false",
      "brighter.operations.console=true",
      "management.endpoints.web.exposure.include=brighter",
      "management.endpoint.brighter.access=unrestricted"
    })
class BrighterConsoleBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @Value("${local.server.port}")
  int port;

  @Autowired CommandProcessor processor;

  @AfterEach
  void reset() {
    BrighterEndpointIT.SHIPPED.clear();
    BrighterEndpointIT.REFUSE_POISON.set(true);
  }

  @Test
  void a_click_on_redrive_sends_a_dead_letter_back_to_its_handler() throws Exception {
    Id poison = Id.random();
    processor.post(new Ordered(poison, "poison"));
    String row = "tr[data-id='" + poison.value() + "']";
    Files.createDirectories(SCREENSHOTS);

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      HeadlessChromium.Page page = chromium.open("http://127.0.0.1:" + port + "/brighter/console");
      page.awaitTrue("document.querySelector(\"" + row + "\") !== null", Duration.ofSeconds(20));
      assertThat(
              page.evaluate("document.querySelector(\"" + row + " td.reason\").textContent")
                  .asText())
          .contains("cannot ship poison");
      assertThat(
              page.evaluate(
                      "document.querySelector(\"tr[data-subscription='orders']\").textContent")
                  .asText())
          .contains("orders", "1 of 1");

      page.click(row + " button.inspect");
      page.awaitTrue("!document.getElementById('inspector').hidden", Duration.ofSeconds(10));
      assertThat(page.evaluate("document.querySelector('#inspector .body').textContent").asText())
          .contains("poison");
      Files.write(SCREENSHOTS.resolve("console-dead-letter.png"), page.screenshot());

      BrighterEndpointIT.REFUSE_POISON.set(false);
      page.click(row + " button.redrive");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> BrighterEndpointIT.SHIPPED.contains("poison"));
      page.awaitTrue("document.querySelector(\"" + row + "\") === null", Duration.ofSeconds(20));
      assertThat(page.evaluate("document.getElementById('status').textContent").asText())
          .contains("Re-drove " + poison.value() + ": 1");
      Files.write(SCREENSHOTS.resolve("console-redriven.png"), page.screenshot());
    }
  }
}
