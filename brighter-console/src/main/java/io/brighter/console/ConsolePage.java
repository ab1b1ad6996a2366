package io.brighter.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's page, script and style sheet: plain HTML and JavaScript, no build tool chain. The
 * page reads and acts through an {@link OperationsApi} at {@code endpoint}, a path relative to the
 * page's own address (so it works under any context path), and loads its script and style sheet
 * from {@code assets}, relative too.
 *
 * {@snippet :
 * ConsolePage console = ConsolePage.of("../actuator/brighter", "console");
 * }
 */
public final class ConsolePage {

  private static final String RESOURCES = "/io/brighter/console/";

  private final String page;
  private final String script;
  private final String styles;

  private ConsolePage(String page, String script, String styles) {
    this.page = page;
    this.script = script;
    this.styles = styles;
  }

  /** The console of the API at {@code endpoint}, its script and styles at {@code assets}. */
  public static ConsolePage of(String endpoint, String assets) {
    return new ConsolePage(
        resource("index.html")
            .replace("{{endpoint}}", escape(endpoint))
            .replace("{{console}}", escape(assets)),
        resource("console.js"),
        resource("console.css"));
  }

  /** The HTML page. */
  public String page() {
    return page;
  }

  /** The script, {@code <assets>/console.js}. */
  public String script() {
    return script;
  }

  /** The style sheet, {@code <assets>/console.css}. */
  public String styles() {
    return styles;
  }

  private static String escape(String path) {
    return path.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static String resource(String name) {
    try (InputStream in = ConsolePage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("The console's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
