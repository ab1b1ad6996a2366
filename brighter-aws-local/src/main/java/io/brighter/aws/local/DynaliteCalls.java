package io.brighter.aws.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calls dynalite's DynamoDB JSON API: the front's own requests, and requests it passes on. */
final class DynaliteCalls {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TARGET_PREFIX = "DynamoDB_20120810.";

  /** Headers the JDK's HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  /** A response: status, the headers worth passing back, and the body. */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    JsonNode json() {
      try {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("dynalite answered with something that is not JSON", e);
      }
    }

    boolean ok() {
      return status == 200;
    }

    /** The error type without its namespace, e.g. {@code ConditionalCheckFailedException}. */
    String errorType() {
      String type = json().path("__type").asText("");
      return type.substring(type.indexOf('#') + 1);
    }

    String errorMessage() {
      JsonNode json = json();
      return json.has("message") ? json.get("message").asText() : json.path("Message").asText("");
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  DynaliteCalls(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/");
  }

  /**
   * Calls {@code operation} (e.g. {@code GetItem}) with {@code body}, signed with dummy
   * credentials.
   */
  Reply call(String operation, ObjectNode body) {
    try {
      return send(
          HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/x-amz-json-1.0")
              .header("X-Amz-Target", TARGET_PREFIX + operation)
              .header("X-Amz-Date", "20260101T000000Z")
              .header(
                  "Authorization",
                  "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request,"
                      + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException("Could not write a request for dynalite", e);
    }
  }

  /** Passes a client's request on unchanged (less the headers the JDK sets itself). */
  Reply forward(Map<String, List<String>> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            values.forEach(value -> request.header(name, value));
          }
        });
    return send(request.build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Could not reach dynalite at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling dynalite", e);
    }
  }
}
