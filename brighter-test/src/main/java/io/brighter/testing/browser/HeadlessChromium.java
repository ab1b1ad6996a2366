package io.brighter.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools protocol with the JDK's own HTTP and
 * WebSocket clients: tests load a page, wait for it, click as a user does (mouse events at an
 * element's centre) and take screenshots. It fails, never skips, when Chromium is not installed
 * ({@code bin/test} installs the {@code chromium} package), or names another binary in {@code
 * BRIGHTER_CHROMIUM}.
 *
 * {@snippet :
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *   HeadlessChromium.Page page = chromium.open("http://127.0.0.1:8080/brighter/console");
 *   page.awaitTrue("document.body.dataset.loaded === 'true'", Duration.ofSeconds(10));
 *   page.click("button.redrive");
 *   Files.write(Path.of("target/console.png"), page.screenshot());
 * }
 * }
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on ws://([^/]+)/");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final String address;
  private final HttpClient http = HttpClient.newHttpClient();

  private HeadlessChromium(Process process, Path profile, String address) {
    this.process = process;
    this.profile = profile;
    this.address = address;
  }

  /** Starts Chromium, headless, with a fresh profile and no background networking. */
  public static HeadlessChromium start() {
    String binary = binary();
    try {
      Path profile = Files.createTempDirectory("brighter-chromium");
      Process process =
          new ProcessBuilder(
                  binary,
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--remote-debugging-address=127.0.0.1",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile,
                  "about:blank")
              .redirectErrorStream(true)
              .start();
      return new HeadlessChromium(process, profile, awaitAddress(process));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Chromium at " + binary, e);
    }
  }

  /** Opens {@code url} in a new tab of 1280 by 900 pixels. */
  public Page open(String url) {
    try {
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://"
                              + address
                              + "/json/new?"
                              + URLEncoder.encode("about:blank", StandardCharsets.UTF_8)))
                  .PUT(HttpRequest.BodyPublishers.noBody())
                  .timeout(CALL_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String socket = JSON.readTree(created.body()).path("webSocketDebuggerUrl").asText();
      Page page = new Page(URI.create(socket));
      page.call(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
      page.call("Page.enable", Map.of());
      page.call("Page.navigate", Map.of("url", url));
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open a tab in Chromium", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted opening a tab in Chromium", e);
    }
  }

  /** Ends Chromium, its helper processes too, and deletes its profile. */
  @Override
  public void close() {
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    awaitExit(process.toHandle());
    helpers.forEach(HeadlessChromium::awaitExit);
    // best effort: a helper may still be writing; the system cleans temporary directories too
    for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        pause(Duration.ofMillis(200));
      }
    }
  }

  /** Waits up to ten seconds for {@code process} to end, then ends it forcibly. */
  private static void awaitExit(ProcessHandle process) {
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A tab, driven over its own DevTools WebSocket. Not thread-safe. */
  public final class Page {
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Page(URI socketUri) {
      this.socket = http.newWebSocketBuilder().buildAsync(socketUri, new Replies()).join();
    }

    /**
     * The value of the JavaScript {@code expression} in the page (awaited when a promise), as JSON;
     * a thrown exception fails the call with its description.
     */
    public JsonNode evaluate(String expression) {
      JsonNode result =
          call(
              "Runtime.evaluate",
              Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException(
            "The page threw on " + expression + ": " + result.path("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    /** Waits until {@code expression} is true in the page, at most {@code timeout}. */
    public void awaitTrue(String expression, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        try {
          if (evaluate(expression).asBoolean(false)) {
            return;
          }
        } catch (IllegalStateException e) {
          // the page is still loading: its scripts may not be there yet
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Not true within " + timeout + ": " + expression);
        }
        pause(Duration.ofMillis(100));
      }
    }

    /** Clicks the centre of the first element {@code selector} finds, as a mouse would. */
    public void click(String selector) {
      JsonNode point =
          evaluate(
              "(() => { const e = document.querySelector("
                  + JSON.valueToTree(selector)
                  + "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                  + " const r = e.getBoundingClientRect();"
                  + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
      if (point.isNull() || point.isMissingNode()) {
        throw new IllegalStateException("Nothing on the page matches " + selector);
      }
      double x = point.path("x").asDouble();
      double y = point.path("y").asDouble();
      call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
      for (String type : List.of("mousePressed", "mouseReleased")) {
        call(
            "Input.dispatchMouseEvent",
            Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
      }
    }

    /** A PNG of the whole page. */
    public byte[] screenshot() {
      JsonNode result =
          call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
      return Base64.getDecoder().decode(result.path("data").asText());
    }

    private JsonNode call(String method, Map<String, ?> params) {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> reply = new CompletableFuture<>();
      pending.put(id, reply);
      ObjectNode message = JSON.createObjectNode();
      message.put("id", id);
      message.put("method", method);
      message.set("params", JSON.valueToTree(params));
      socket.sendText(message.toString(), true).join();
      try {
        JsonNode answer = reply.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (answer.has("error")) {
          throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(method + " got no answer from Chromium", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for Chromium", e);
      } finally {
        pending.remove(id);
      }
    }

    /** Gathers each text message and completes the call it answers; events are ignored. */
    private final class Replies implements WebSocket.Listener {
      private final StringBuilder text = new StringBuilder();

      @Override
      public @Nullable CompletionStage<?> onText(
          WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          try {
            JsonNode message = JSON.readTree(text.toString());
            CompletableFuture<JsonNode> reply = pending.get(message.path("id").asInt(-1));
            if (reply != null) {
              reply.complete(message);
            }
          } catch (IOException e) {
            // not JSON: nothing waits for it
          }
          text.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    }
  }

  private static String awaitAddress(Process process) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  Matcher found = DEVTOOLS.matcher(line);
                  if (found.find()) {
                    address.complete(found.group(1));
                  }
                }
                address.completeExceptionally(new IOException("Chromium ended before it listened"));
              } catch (IOException e) {
                address.completeExceptionally(e);
              }
            },
            "chromium-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return address.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools port", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("Interrupted starting Chromium", e);
    }
  }

  private static String binary() {
    String named = System.getenv("BRIGHTER_CHROMIUM");
    if (named != null && !named.isBlank()) {
      return named;
    }
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Chromium is not installed (bin/test installs Debian's chromium package; "
            + "BRIGHTER_CHROMIUM names another binary)");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
