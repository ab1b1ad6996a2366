package io.brighter.spring.boot;

import io.brighter.console.ConsolePage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the web console ({@link ConsolePage}) at {@code /brighter/console}: one page, a style
 * sheet and a script that read and act through the actuator endpoint {@code brighter}. The page
 * finds the endpoint by a path relative to its own, so it works under any servlet context path.
 */
@RestController
public class BrighterConsoleController {

  private final ConsolePage console;

  /**
   * The console of the endpoint at {@code basePath} (the actuator's, {@code /actuator} by default)
   * and {@code endpointPath} ({@code brighter} unless mapped).
   */
  public BrighterConsoleController(String basePath, String endpointPath) {
    String base = strip(basePath);
    this.console =
        ConsolePage.of("../" + base + (base.isEmpty() ? "" : "/") + strip(endpointPath), "console");
  }

  /** The page. */
  @GetMapping("/brighter/console")
  public ResponseEntity<String> page() {
    return serve(MediaType.TEXT_HTML, console.page());
  }

  /** The script. */
  @GetMapping("/brighter/console/console.js")
  public ResponseEntity<String> script() {
    return serve(MediaType.valueOf("text/javascript"), console.script());
  }

  /** The style sheet. */
  @GetMapping("/brighter/console/console.css")
  public ResponseEntity<String> styles() {
    return serve(MediaType.valueOf("text/css"), console.styles());
  }

  private static ResponseEntity<String> serve(MediaType type, String body) {
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(body);
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
}
