package io.brighter.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the web console at {@code /brighter/console}: one page, a style sheet and a script, plain
 * HTML and JavaScript that read and act through the actuator endpoint {@code brighter}. The page
 * finds the endpoint by a path relative to its own, so it works under any servlet context path.
 */
@RestController
public class BrighterConsoleController {

  private static final String RESOURCES = "/io/brighter/spring/boot/console/";

  private final String page;
  private final String script;
  private final String styles;

  /**
   * The console of the endpoint at {@code basePath} (the actuator's, {@code /actuator} by default)
   * and {@code endpointPath} ({@code brighter} unless mapped).
   */
  public BrighterConsoleController(String basePath, String endpointPath) {
    String endpoint =
        "../" + strip(basePath) + (strip(basePath).isEmpty() ? "" : "/") + strip(endpointPath);
    this.page =
        resource("index.html").replace("{{endpoint}}", endpoint).replace("{{console}}", "console");
    this.script = resource("console.js");
    this.styles = resource("console.css");
  }

  /** The page. */
  @GetMapping("/brighter/console")
  public ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .body(page);
  }

  /** The script. */
  @GetMapping("/brighter/console/console.js")
  public ResponseEntity<String> script() {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/javascript"))
        .cacheControl(CacheControl.noCache())
        .body(script);
  }

  /** The style sheet. */
  @GetMapping("/brighter/console/console.css")
  public ResponseEntity<String> styles() {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/css"))
        .cacheControl(CacheControl.noCache())
        .body(styles);
  }

  private static String strip(String path) {
    String stripped = path.strip();
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static String resource(String name) {
    try (InputStream in = BrighterConsoleController.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("The console's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
