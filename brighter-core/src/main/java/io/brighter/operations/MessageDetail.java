package io.brighter.operations;

import java.util.Map;

/**
 * One message shown whole: its header fields and bag as text, and its body as text (UTF-8),
 * truncated beyond {@link BrighterOperations}' body limit.
 *
 * @param summary the message's line in a list
 * @param headers each header field and bag entry, by name
 * @param body the body, or its first characters
 * @param bodyTruncated whether {@code body} was cut
 */
public record MessageDetail(
    MessageSummary summary, Map<String, String> headers, String body, boolean bodyTruncated) {

  /** Copies the map. */
  public MessageDetail {
    headers = Map.copyOf(headers);
  }
}
